export { definePlugin } from './plugin';
export type { HostProps, PluginRoute, PluginSlots, PosPlugin, SlotParcel, SlotProps } from './plugin';
export { SLOTS } from './slots';
export type {
  AdminPageContext,
  AdminPageDeclaration,
  FloorToolbarContext,
  HomeWidgetsContext,
  NoContext,
  OrderRowContext,
  OrderSidePanelContext,
  OrderSuggestionsContext,
  OrderSummaryContext,
  PayDialogMode,
  PaymentMethodsContext,
  ShiftCloseContext,
  ShiftPanelContext,
  SlotContexts,
  SlotName,
} from './slots';
export type { Connectivity, HostApi, HostOutbox, HostSlots, HostStorage, MountedSlot, PendingPayments, SlotEntry } from './host-api';
export { FLOOR_TONES } from './floor-mode';
export type { FloorModeContext, FloorModeDeclaration, FloorModeView, FloorTableMark, FloorTone } from './floor-mode';
export { HostProvider, HostSlot, reactLifecycles, useBusEvent, useCan, useConnectivity, useHost, useSlotEntries } from './react';
export type { HostSlotProps } from './react';
export { queryKeys, useApi, useCurrentShift, useHalls, useMenu, useOrder, useTables, useTickets, ApiError } from '@pos/api-client';
export type { PosApi } from '@pos/api-client';
