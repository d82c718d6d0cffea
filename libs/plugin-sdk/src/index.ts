export { definePlugin, SLOTS } from './plugin';
export type { HostProps, PluginRoute, PosPlugin, SlotName } from './plugin';
export type { Connectivity, HostApi, HostStorage } from './host-api';
export { HostProvider, reactLifecycles, useBusEvent, useCan, useHost } from './react';
export { queryKeys, useApi, useCurrentShift, useHalls, useMenu, useOrder, useTables, useTickets, ApiError } from '@pos/api-client';
export type { PosApi } from '@pos/api-client';
