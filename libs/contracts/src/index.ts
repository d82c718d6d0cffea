export {
  ClientRequestIdSchema,
  CurrencySchema,
  IdParamsSchema,
  IdSchema,
  IsoDateTimeSchema,
  MoneySchema,
  OkSchema,
  ProblemSchema,
  SignedMoneySchema,
} from './common';
export type { Id, Money, Problem } from './common';
export { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, PermissionSchema, ROLES, RoleSchema } from './permissions';
export type { Permission, Role } from './permissions';
export {
  LoginInputSchema,
  LoginResultSchema,
  PinSchema,
  SessionInfoSchema,
  StaffSchema,
  VenueSchema,
  VenueSlugSchema,
  OfflineStaffSchema,
} from './auth';
export type { LoginInput, LoginResult, OfflineStaff, SessionInfo, Staff, Venue } from './auth';
export {
  CategorySchema,
  MenuChangeSchema,
  MenuChangesQuerySchema,
  MenuChangesSchema,
  MenuSchema,
  ModifierGroupSchema,
  ModifierOptionSchema,
  ProductSchema,
  ProductStockSchema,
  StationSchema,
  UpdateStockInputSchema,
} from './menu';
export type { Category, Menu, MenuChange, MenuChanges, MenuChangesQuery, ModifierGroup, ModifierOption, Product, ProductStock, Station, UpdateStockInput } from './menu';
export {
  CloseTableInputSchema,
  HallSchema,
  MergeTableInputSchema,
  OpenTableInputSchema,
  TABLE_STATUSES,
  TableSchema,
  TableSessionSchema,
  TablesQuerySchema,
  TableStatusSchema,
  TransferTableInputSchema,
} from './venues';
export type { Hall, MergeTableInput, OpenTableInput, Table, TableSession, TableStatus, TransferTableInput } from './venues';
export {
  BusinessDateSchema,
  CancelReservationInputSchema,
  canMoveReservation,
  CreateReservationInputSchema,
  DEFAULT_RESERVATION_MINUTES,
  GuestPhoneSchema,
  MAX_RESERVATION_MINUTES,
  NoShowReservationInputSchema,
  RESERVATION_STATUSES,
  RESERVATION_TRANSITIONS,
  ReservationSchema,
  ReservationsQuerySchema,
  ReservationStatusSchema,
  ReservationTableSchema,
  SeatReservationInputSchema,
  SeatReservationResultSchema,
  UpdateReservationInputSchema,
} from './reservations';
export type {
  CancelReservationInput,
  CreateReservationInput,
  Reservation,
  ReservationsQuery,
  ReservationStatus,
  ReservationTable,
  SeatReservationInput,
  SeatReservationResult,
  UpdateReservationInput,
} from './reservations';
export { addDays, businessDate, businessDayBounds, isCalendarDate, windowsOverlap, zonedMinutes, zonedTime, zonedToUtc } from './reservation-time';
export type { TimeWindow } from './reservation-time';
export {
  AddItemInputSchema,
  AddItemsInputSchema,
  CheckSchema,
  CourseSchema,
  CreateOrderInputSchema,
  LineModifierSchema,
  LineParamsSchema,
  ORDER_STATUSES,
  OrderLineSchema,
  OrderSchema,
  OrdersQuerySchema,
  OrderStatusSchema,
  SendOrderInputSchema,
  SplitOrderInputSchema,
  SplitSchema,
  UpdateLineInputSchema,
  UpdateOrderInputSchema,
  VoidLineInputSchema,
} from './orders';
export type {
  AddItemInput,
  AddItemsInput,
  Check,
  CreateOrderInput,
  LineModifier,
  Order,
  OrderLine,
  OrdersQuery,
  OrderStatus,
  SendOrderInput,
  Split,
  SplitOrderInput,
  UpdateLineInput,
  UpdateOrderInput,
  VoidLineInput,
} from './orders';
export { equalShares, lineTotal, orderChecks, orderTotals, standingQuantity, unitTotal } from './order-math';
export type { PricedLine } from './order-math';
export {
  KitchenStatusSchema,
  KitchenTicketSchema,
  SendOrderResultSchema,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  TicketItemSchema,
  TicketsQuerySchema,
  TicketStatusInputSchema,
  TicketStatusSchema,
} from './kitchen';
export type { KitchenStatus, KitchenTicket, SendOrderResult, TicketItem, TicketsQuery, TicketStatus, TicketStatusInput } from './kitchen';
export {
  CreatePaymentInputSchema,
  LEDGER_KINDS,
  PAYMENT_METHODS,
  PaymentMethodSchema,
  PaymentResultSchema,
  PaymentSchema,
  ReceiptSchema,
  TenderInputSchema,
} from './finance';
export type { CreatePaymentInput, Payment, PaymentMethod, PaymentResult, Receipt, TenderInput } from './finance';
export { CloseShiftInputSchema, CurrentShiftSchema, OpenShiftInputSchema, ShiftSchema } from './shifts';
export type { CloseShiftInput, OpenShiftInput, Shift } from './shifts';
export {
  AdminStaffSchema,
  CreateStaffInputSchema,
  FEATURES,
  FeatureFlagsSchema,
  FeatureSchema,
  PutFeatureFlagsInputSchema,
  PutRemoteInputSchema,
  PutRolesInputSchema,
  RemoteNameSchema,
  RemoteParamsSchema,
  RemoteSchema,
  RolesSchema,
  UpdateStaffInputSchema,
} from './admin';
export type { AdminStaff, Feature, FeatureFlags, PutRemoteInput, Remote, Roles } from './admin';
export {
  AddComboInputSchema,
  ComboItemInputSchema,
  ComboItemSchema,
  ComboInputSchema,
  comboListPrice,
  ComboPartInputSchema,
  ComboRecommendationSchema,
  ComboSchema,
  comboSaving,
  ComboWindowSchema,
  isWithinWindows,
  LocalTimeSchema,
  ProductRecommendationSchema,
  RecommendationSchema,
  RecommendationsQuerySchema,
  RecommendationsSchema,
  RecommendationSourceSchema,
  RecordUpsellEventInputSchema,
  SaveUpsellConfigInputSchema,
  UpsellAddonInputSchema,
  UpsellAddonSchema,
  UpsellConfigSchema,
  UpsellEventKindSchema,
  UpsellStatsSchema,
  WeekdaySchema,
} from './upsell';
export type {
  AddComboInput,
  Combo,
  ComboInput,
  ComboItem,
  ComboWindow,
  Recommendation,
  Recommendations,
  RecommendationsQuery,
  RecordUpsellEventInput,
  SaveUpsellConfigInput,
  UpsellAddon,
  UpsellConfig,
  UpsellStats,
} from './upsell';
export { PingSchema, PosConfigSchema } from './config';
export { OFFLINE_CAPABILITIES, type OfflineCapability, SHELL_API_VERSION, SOCKET_NAMESPACES, SOCKET_PATH } from './constants';
export type { PosConfig } from './config';
export { BusEventSchemas, ClientEventSchemas, EVENT_NAMESPACE, ServerEventSchemas } from './events';
export type { BusEventName, BusEvents, ServerEvent, ServerEventName, ServerEvents } from './events';
