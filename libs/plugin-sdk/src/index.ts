export { definePlugin, SLOTS } from './plugin';
export type { HostProps, OrderSuggestionsContext, PluginRoute, PosPlugin, SlotName } from './plugin';
export type { Connectivity, HostApi, HostStorage } from './host-api';
export { FLOOR_TONES } from './floor-mode';
export type { FloorModeContext, FloorModeDeclaration, FloorModeView, FloorTableMark, FloorTone } from './floor-mode';
export { HostProvider, reactLifecycles, useBusEvent, useCan, useConnectivity, useHost } from './react';
export { queryKeys, useApi, useCurrentShift, useHalls, useMenu, useOrder, useTables, useTickets, ApiError } from '@pos/api-client';
export type { PosApi } from '@pos/api-client';
