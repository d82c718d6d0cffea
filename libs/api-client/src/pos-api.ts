import type {
  ShiftReportFormat,
  ShiftReportLang,
  ShiftZReport,
  ZChainCheck,
  ZReportList,
  AddComboInput,
  CompactMenu,
  MenuCategoryInput,
  MenuCategoryPatch,
  MenuCategoryResult,
  MenuProductInput,
  MenuProductPatch,
  MenuProductResult,
  MenuWriteResult,
  Approval,
  AuditEntry,
  AuditQuery,
  RequestApprovalInput,
  AddItemInput,
  AdminStaff,
  CancelPaymentInput,
  CashMovement,
  CapturePaymentInput,
  CreateOrderInput,
  CreatePaymentInput,
  Dashboard,
  DashboardQuery,
  CreateReservationInput,
  ExpiredHolds,
  Feature,
  Hall,
  HoldPaymentInput,
  KitchenStatus,
  KitchenTicket,
  CreateEnrollmentCodeInput,
  Device,
  EnrollDeviceInput,
  EnrollmentCodeResult,
  EnrolledDevice,
  LoginInput,
  LoginResult,
  SignInChallenge,
  Menu,
  OfflineStaff,
  MenuChanges,
  Order,
  OrdersQuery,
  Payment,
  PaymentEvent,
  PaymentResult,
  Plans,
  PosConfig,
  PutPlansInput,
  ProductStock,
  Recommendations,
  RecommendationsQuery,
  ReconcilePaymentInput,
  RecordCashMovementInput,
  RecordUpsellEventInput,
  RefundPaymentInput,
  RefundResult,
  Remote,
  Reservation,
  ReservationsQuery,
  Roles,
  SaveUpsellConfigInput,
  SeatReservationResult,
  SendOrderResult,
  SessionInfo,
  SettleHoldsResult,
  PaymentSettings,
  UpdatePaymentSettingsInput,
  ClosedShift,
  CreateTillInput,
  OpenShiftSummary,
  Shift,
  Till,
  Tills,
  UpdateTillInput,
  Split,
  Table,
  TableSession,
  TicketStatus,
  UpdateReservationInput,
  UpsellConfig,
} from '@pos/contracts';
import type { PutShiftSettingsInput, ShiftAlerts, ShiftSettings } from '@pos/contracts';
import type {
  CreateCustomerInput,
  Customer,
  CustomerCard,
  CustomerList,
  CustomerListQuery,
  CustomerLookup,
  CustomerProfile,
  GiftCardDetails,
  LoyaltySettings,
  SellGiftCardResult,
  UpdateCustomerInput,
  UpdateLoyaltySettingsInput,
} from '@pos/contracts';
import type {
  ActivePromotions,
  ApplyPromotionInput,
  OrderPromotions,
  PromotionInput,
  PromotionRule,
  PromotionSettings,
  UpdatePromotionInput,
} from '@pos/contracts';
import type {
  CreateIntegrationInput,
  CreateWebhookEndpointInput,
  DeliveriesPage,
  DeliveriesQuery,
  Delivery,
  DeliveryDetail,
  Integration,
  RotateSecretInput,
  UpdateIntegrationInput,
  UpdateWebhookEndpointInput,
  WebhookEndpoint,
} from '@pos/contracts';
import type { Notification, NotificationList, NotificationListQuery, ResendNotificationInput, SendNotificationInput } from '@pos/contracts';
import type { AnalyticsExport, AnalyticsExportDataset, AnalyticsExportList, StartAnalyticsExportInput } from '@pos/contracts';
import type { ApiClient, RequestOptions } from './api-client';

const qs = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};

/** Every route of the API as a typed function (the contracts define the shapes). */
export function createPosApi(client: ApiClient) {
  return {
    client,
    ping: () => client.get<{ ok: true; time: string }>('/pos/ping'),
    /** Trades a one-time code from Admin → Devices for this tablet's credential. */
    enrollDevice: (input: EnrollDeviceInput) => client.post<EnrolledDevice>('/pos/devices/enroll', input),
    /** A one-time challenge the enrolled tablet answers with its key at sign-in. */
    challenge: (venue: string, deviceId: string) => client.post<SignInChallenge>('/pos/auth/challenge', { venue, deviceId }),
    login: (input: LoginInput) => client.post<LoginResult>('/pos/auth/login', input),
    me: () => client.get<SessionInfo>('/pos/auth/me'),
    logout: () => client.post<{ ok: true }>('/pos/auth/logout'),
    /** Staff this tablet may switch to offline, with PIN verifiers bound to its device key. */
    offlineStaff: () => client.get<OfflineStaff>('/pos/auth/offline-staff'),
    /** A supervisor's PIN typed on this tablet lends one permission for one command (needs the network). */
    requestApproval: (input: RequestApprovalInput) => client.post<Approval>('/pos/approvals', input),
    config: () => client.get<PosConfig>('/pos/config'),

    menu: () => client.get<Menu>('/pos/menu'),
    /** The compact snapshot (`decodeMenu` turns it into a Menu): what a tablet downloads and keeps. */
    menuSnapshot: () => client.get<CompactMenu>('/pos/menu/snapshot'),
    /** Changes after menu version `since`, or `snapshotRequired` when only `menu()` can catch up. */
    menuChanges: (since: number) => client.get<MenuChanges>(`/pos/menu/changes${qs({ since: String(since) })}`),
    updateStock: (productId: string, body: { stock?: number | null; isAvailable?: boolean }) =>
      client.patch<ProductStock>(`/pos/menu/products/${productId}/stock`, body),

    /** What to suggest with a product (configured first, then often ordered together); `orderId` leaves out what the order has. */
    recommendations: (productId: string, query: RecommendationsQuery = {}) =>
      client.get<Recommendations>(`/pos/menu/products/${productId}/recommendations${qs({ orderId: query.orderId, limit: query.limit === undefined ? undefined : String(query.limit) })}`),
    /** A suggestion shown or accepted (feeds the accept rate per rule); send a clientRequestId so a retry counts once. */
    recordUpsellEvent: (body: RecordUpsellEventInput, o?: RequestOptions) => client.post<{ ok: true }>('/pos/menu/recommendations/events', body, o),

    halls: () => client.get<Hall[]>('/pos/halls'),
    tables: (hallId?: string) => client.get<Table[]>(`/pos/tables${qs({ hallId })}`),
    openTable: (tableId: string, guests: number, o?: RequestOptions) => client.post<TableSession>(`/pos/tables/${tableId}/open`, { guests }, o),
    closeTable: (tableId: string, o?: RequestOptions) => client.post<Table>(`/pos/tables/${tableId}/close`, {}, o),
    transferTable: (tableId: string, to: { toWaiterId?: string; toTableId?: string }) => client.post<Table>(`/pos/tables/${tableId}/transfer`, to),
    mergeTable: (tableId: string, targetTableId: string) => client.post<Table>(`/pos/tables/${tableId}/merge`, { targetTableId }),

    reservations: (query: ReservationsQuery) => client.get<Reservation[]>(`/pos/tables/reservations${qs(query)}`),
    reservation: (id: string) => client.get<Reservation>(`/pos/tables/reservations/${id}`),
    createReservation: (body: CreateReservationInput, o?: RequestOptions) => client.post<Reservation>('/pos/tables/reservations', body, o),
    updateReservation: (id: string, body: UpdateReservationInput) => client.patch<Reservation>(`/pos/tables/reservations/${id}`, body),
    cancelReservation: (id: string, reason: string) => client.post<Reservation>(`/pos/tables/reservations/${id}/cancel`, { reason }),
    markNoShow: (id: string) => client.post<Reservation>(`/pos/tables/reservations/${id}/no-show`, {}),
    seatReservation: (id: string, guests?: number) => client.post<SeatReservationResult>(`/pos/tables/reservations/${id}/seat`, guests ? { guests } : {}),

    orders: (query: OrdersQuery = {}) => client.get<Order[]>(`/pos/orders${qs(query)}`),
    order: (id: string) => client.get<Order>(`/pos/orders/${id}`),
    createOrder: (body: CreateOrderInput, o?: RequestOptions) => client.post<Order>('/pos/orders', body, o),
    addItems: (id: string, items: AddItemInput[], o?: RequestOptions) => client.post<Order>(`/pos/orders/${id}/items`, { items }, o),
    updateLine: (id: string, lineId: string, body: { version: number; quantity?: number; note?: string | null; course?: number }) =>
      client.patch<Order>(`/pos/orders/${id}/items/${lineId}`, body),
    /** Fired portions need `orders.void`, or a supervisor's inline approval in `o.approval`. */
    voidLine: (id: string, lineId: string, body: { version: number; quantity?: number; reason?: string }, o?: RequestOptions) =>
      client.post<Order>(`/pos/orders/${id}/items/${lineId}/void`, body, o),
    updateOrder: (id: string, body: { version: number; note?: string | null; guests?: number; heldCourses?: number[] }) => client.patch<Order>(`/pos/orders/${id}`, body),
    splitOrder: (id: string, version: number, split: Split | null) => client.post<Order>(`/pos/orders/${id}/split`, { version, split }),
    /** Sells a combo on the order (one line at the combo price; its dishes go to the kitchen). */
    addCombo: (id: string, body: AddComboInput, o?: RequestOptions) => client.post<Order>(`/pos/orders/${id}/combos`, body, o),
    sendOrder: (id: string, courses?: number[], o?: RequestOptions) => client.post<SendOrderResult>(`/pos/orders/${id}/send`, courses ? { courses } : {}, o),
    kitchenStatus: (id: string) => client.get<KitchenStatus>(`/pos/orders/${id}/kitchen-status`),

    /** Kitchen tickets; with `orderId`, one order's (a delivery card's kitchen state). */
    tickets: (query: { station?: string; status?: TicketStatus | 'active'; orderId?: string } = {}) => client.get<KitchenTicket[]>(`/pos/kitchen/tickets${qs(query)}`),
    bumpTicket: (id: string, status: TicketStatus, version?: number) => client.post<KitchenTicket>(`/pos/kitchen/tickets/${id}/status`, { status, ...(version !== undefined ? { version } : {}) }),

    pay: (body: CreatePaymentInput, o?: RequestOptions) => client.post<PaymentResult>('/pos/finance/payments', body, o),
    payments: (orderId: string) => client.get<Payment[]>(`/pos/finance/payments${qs({ orderId })}`),
    paymentEvents: (id: string) => client.get<PaymentEvent[]>(`/pos/finance/payments/${id}/events`),
    holdPayment: (id: string, body: HoldPaymentInput, o?: RequestOptions) => client.post<Payment>(`/pos/finance/payments/${id}/hold`, body, o),
    capturePayment: (id: string, body: CapturePaymentInput, o?: RequestOptions) => client.post<Payment>(`/pos/finance/payments/${id}/capture`, body, o),
    cancelPayment: (id: string, body: CancelPaymentInput, o?: RequestOptions) => client.post<Payment>(`/pos/finance/payments/${id}/cancel`, body, o),
    refundPayment: (id: string, body: RefundPaymentInput, o?: RequestOptions) => client.post<RefundResult>(`/pos/finance/payments/${id}/refund`, body, o),
    reconcilePayment: (id: string, body: ReconcilePaymentInput, o?: RequestOptions) => client.post<Payment>(`/pos/finance/payments/${id}/reconcile`, body, o),
    expiredHolds: () => client.get<ExpiredHolds>('/pos/finance/payments/holds/expired'),
    settleExpiredHolds: (o?: RequestOptions) => client.post<SettleHoldsResult>('/pos/finance/payments/holds/settle', {}, o),
    /** The shift (default the caller's open one) or the venue's day at a glance, live from the ledger. */
    financeDashboard: (query: DashboardQuery = {}) => client.get<Dashboard>(`/pos/finance/dashboard${qs(query)}`),

    currentShift: () => client.get<{ shift: Shift | null }>('/pos/shifts/current'),
    /**
     * Opens the caller's shift on `tillId` (default: the till this tablet is attached to; none: a
     * personal drawer). A till that already has an open shift is 409 `till.busy` (`cashierName`).
     */
    openShift: (openingFloat: number, options: { tillId?: string; clientRequestId?: string } = {}) =>
      client.post<Shift>('/pos/shifts', { openingFloat, ...(options.tillId ? { tillId: options.tillId } : {}), ...(options.clientRequestId ? { clientRequestId: options.clientRequestId } : {}) }),
    /** The venue's tills a shift may open on (not archived), each with its open shift, and this tablet's till. */
    tills: () => client.get<Tills>('/pos/tills'),
    /** The venue's open shifts, for the supervisor's board: who, which till, since when, open checks; no expected figures. */
    openShifts: () => client.get<{ shifts: OpenShiftSummary[] }>('/pos/shifts/open'),
    /**
     * Closes a shift. Another's shift (`shifts.close-others`) closes blind: it needs a `reason`,
     * and the expected figures come back only in the answer.
     */
    closeShift: (id: string, body: { counted: { cash: number; card: number }; force?: boolean; reason?: string; clientRequestId?: string }, o?: RequestOptions) =>
      client.post<ClosedShift>(`/pos/shifts/${id}/close`, body, o),
    /** The shift's cash paid in / paid out, oldest first, with who recorded each. */
    cashMovements: (shiftId: string) => client.get<CashMovement[]>(`/pos/shifts/${shiftId}/cash-movements`),
    /** Cash into or out of the open shift's drawer; a paid-out above the drawer's cash is 409 `shift.cash_short` (`available`). */
    recordCashMovement: (shiftId: string, body: RecordCashMovementInput, o?: RequestOptions) =>
      client.post<CashMovement>(`/pos/shifts/${shiftId}/cash-movements`, body, o),
    /** The shift's report (an X while open, its Z once closed) as HTML or PDF; a Z printed before comes back as a copy. */
    shiftReport: (shiftId: string, query: { format: ShiftReportFormat; lang: ShiftReportLang }) =>
      client.getBlob(`/pos/shifts/${shiftId}/report${qs(query)}`, { accept: query.format === 'pdf' ? 'application/pdf' : 'text/html' }),
    /** The Z-report issued when the shift closed (null while it is open). */
    shiftZReport: (shiftId: string) => client.get<ShiftZReport>(`/pos/shifts/${shiftId}/z-report`),
    /** The venue's Z archive, newest first (a cashier: their own shifts'). */
    zReports: (query: { from?: string; to?: string; limit?: number; cursor?: string } = {}) =>
      client.get<ZReportList>(`/pos/shifts/z-reports${qs({ from: query.from, to: query.to, limit: query.limit === undefined ? undefined : String(query.limit), cursor: query.cursor })}`),
    /** Recomputes the venue's Z hash chain. */
    verifyZReports: () => client.get<ZChainCheck>('/pos/shifts/z-reports/verify'),

    featureFlags: () => client.get<{ flags: Record<Feature, boolean> }>('/admin/feature-flags'),
    saveFeatureFlags: (flags: Partial<Record<Feature, boolean>>) => client.put<{ flags: Record<Feature, boolean> }>('/admin/feature-flags', { flags }),
    roles: () => client.get<Roles>('/admin/roles'),
    saveRoles: (roles: Roles['roles']) => client.put<Roles>('/admin/roles', { roles }),
    remotes: () => client.get<{ remotes: Remote[] }>('/admin/remotes'),
    saveRemote: (name: string, body: { manifestUrl: string; version: string; feature?: Feature }) => client.put<Remote>(`/admin/remotes/${name}`, body),
    upsellConfig: (productId: string) => client.get<UpsellConfig>(`/admin/menu/products/${productId}/upsell`),
    saveUpsellConfig: (productId: string, body: SaveUpsellConfigInput) => client.post<UpsellConfig>(`/admin/menu/products/${productId}/upsell`, body),
    deleteUpsellConfig: (productId: string) => client.request<UpsellConfig>('DELETE', `/admin/menu/products/${productId}/upsell`),
    createMenuProduct: (body: MenuProductInput) => client.post<MenuProductResult>('/admin/menu/products', body),
    updateMenuProduct: (productId: string, body: MenuProductPatch) => client.patch<MenuProductResult>(`/admin/menu/products/${productId}`, body),
    removeMenuProduct: (productId: string) => client.request<MenuWriteResult>('DELETE', `/admin/menu/products/${productId}`),
    createMenuCategory: (body: MenuCategoryInput) => client.post<MenuCategoryResult>('/admin/menu/categories', body),
    updateMenuCategory: (categoryId: string, body: MenuCategoryPatch) => client.patch<MenuCategoryResult>(`/admin/menu/categories/${categoryId}`, body),
    removeMenuCategory: (categoryId: string) => client.request<MenuWriteResult>('DELETE', `/admin/menu/categories/${categoryId}`),
    paymentSettings: () => client.get<PaymentSettings>('/admin/payments/settings'),
    /** The venue's revenue plan: hour targets per weekday and the on-plan threshold. */
    plans: () => client.get<Plans>('/admin/plans'),
    savePlans: (body: PutPlansInput) => client.put<Plans>('/admin/plans', body),
    /** The venue's enrolled tablets (Admin → Devices). */
    devices: () => client.get<{ devices: Device[] }>('/admin/devices'),
    /** A one-time enrollment code, answered once (the server keeps only its hash). */
    createEnrollmentCode: (input: CreateEnrollmentCodeInput) => client.post<EnrollmentCodeResult>('/admin/devices/enrollment-codes', input),
    /** No more sign-ins from the tablet; everyone signed in on it is signed out now. */
    revokeDevice: (id: string) => client.post<Device>(`/admin/devices/${id}/revoke`),
    /** The venue's tills, archived ones included (Admin → Tills). */
    adminTills: () => client.get<{ tills: Till[] }>('/admin/tills'),
    /** A new till; a name the venue already has is 409 `till.name_taken`. */
    createTill: (body: CreateTillInput) => client.post<Till>('/admin/tills', body),
    /** Rename, archive or unarchive; archiving a till with an open shift is 409 `till.busy`. */
    updateTill: (id: string, body: UpdateTillInput) => client.patch<Till>(`/admin/tills/${id}`, body),
    /** Attaches a tablet to a till (its payments book to the till's open shift) or detaches it (null). */
    setDeviceTill: (deviceId: string, tillId: string | null, clientRequestId?: string) =>
      client.put<Device>(`/admin/devices/${deviceId}/till`, { tillId, ...(clientRequestId ? { clientRequestId } : {}) }),
    savePaymentSettings: (body: UpdatePaymentSettingsInput) => client.put<PaymentSettings>('/admin/payments/settings', body),
    /** Who did what, newest first, with the supervisor who approved it inline. */
    auditLog: (query: AuditQuery = {}) =>
      client.get<{ entries: AuditEntry[] }>(
        `/admin/audit${qs({ action: query.action, entity: query.entity, entityId: query.entityId, approved: query.approved, limit: query.limit === undefined ? undefined : String(query.limit) })}`,
      ),
    staff: () => client.get<{ staff: AdminStaff[] }>('/admin/staff'),
    createStaff: (body: { name: string; role: AdminStaff['role']; pin: string }) => client.post<AdminStaff>('/admin/staff', body),
    updateStaff: (id: string, body: { name?: string; role?: AdminStaff['role']; pin?: string; isActive?: boolean }) => client.patch<AdminStaff>(`/admin/staff/${id}`, body),

    // --- loyalty (issue 18) ---
    /** Who is this guest: by the QR they show (guest app: valid 60 s; printed card: until revoked) or by phone (E.164). */
    lookupCustomer: (body: { qr: string } | { phone: string }) => client.post<CustomerLookup>('/pos/customers/lookup', body),
    /** The guest at the till: profile, points balance and history, last visits, the venue's point value. */
    customerProfile: (id: string) => client.get<CustomerProfile>(`/pos/customers/${id}`),
    /** Attaches a loyalty guest to the order (points are earned on its payments from now on). */
    attachCustomer: (orderId: string, customerId: string, o?: RequestOptions) => client.put<Order>(`/pos/orders/${orderId}/customer`, { customerId }, o),
    /** Detaches the guest; refused (409 `loyalty.customer_locked`) once points were earned or spent on the order. */
    detachCustomer: (orderId: string, o?: RequestOptions) => client.request<Order>('DELETE', `/pos/orders/${orderId}/customer`, undefined, o),
    /** Spends the attached guest's points on the bill (or one check): a `points` payment. */
    redeemPoints: (body: { orderId: string; checkIndex?: number; points: number }, o?: RequestOptions) => client.post<PaymentResult>('/pos/loyalty/points/redeem', body, o),
    /** Sells a gift card on the order (a new counter order without `orderId`); it is active once that order is paid. */
    sellGiftCard: (body: { orderId?: string; amount: number }, o?: RequestOptions) => client.post<SellGiftCardResult>('/pos/finance/giftcards', body, o),
    /** A gift card's balance, status, expiry and history (lookups are rate-limited). */
    giftCard: (code: string) => client.get<GiftCardDetails>(`/pos/finance/giftcards/${encodeURIComponent(code)}`),
    /** Pays part of the bill (or one check) from a gift card: never more than its balance or what is due. */
    redeemGiftCard: (body: { code: string; orderId: string; checkIndex?: number; amount: number }, o?: RequestOptions) =>
      client.post<PaymentResult>('/pos/finance/giftcards/redeem', body, o),
    /** `giftcards.block`: a blocked card is refused everywhere until unblocked. */
    blockGiftCard: (code: string, reason: string, o?: RequestOptions) => client.post<GiftCardDetails>(`/pos/finance/giftcards/${encodeURIComponent(code)}/block`, { reason }, o),
    unblockGiftCard: (code: string, reason: string, o?: RequestOptions) => client.post<GiftCardDetails>(`/pos/finance/giftcards/${encodeURIComponent(code)}/unblock`, { reason }, o),
    /** The venue's loyalty guests, newest first (Admin → Guests). */
    adminCustomers: (query: Partial<CustomerListQuery> = {}) =>
      client.get<CustomerList>(`/admin/customers${qs({ query: query.query, limit: query.limit === undefined ? undefined : String(query.limit), after: query.after })}`),
    createCustomer: (body: CreateCustomerInput) => client.post<Customer>('/admin/customers', body),
    updateCustomer: (id: string, body: UpdateCustomerInput) => client.patch<Customer>(`/admin/customers/${id}`, body),
    exportCustomer: (id: string) => client.get<{ customer: Customer; cards: CustomerCard[]; exportedAt: string }>(`/admin/customers/${id}/export`),
    customerCards: (id: string) => client.get<{ cards: CustomerCard[] }>(`/admin/customers/${id}/cards`),
    issueCustomerCard: (id: string) => client.post<CustomerCard>(`/admin/customers/${id}/cards`, {}),
    revokeCustomerCard: (cardId: string) => client.post<CustomerCard>(`/admin/customers/cards/${cardId}/revoke`, {}),
    /** The guest app's code for this guest now (valid 60 s), to try the scanner with. */
    guestCode: (id: string) => client.post<{ code: string; validUntil: string }>(`/admin/customers/${id}/guest-code`, {}),
    loyaltySettings: () => client.get<LoyaltySettings>('/admin/loyalty/settings'),
    saveLoyaltySettings: (body: UpdateLoyaltySettingsInput) => client.put<LoyaltySettings>('/admin/loyalty/settings', body),

    // --- promotions (issue 19) ---
    /** The venue's rules that apply now or start within 24 h, with seconds to their start / end by the server's clock. */
    activePromotions: () => client.get<ActivePromotions>('/pos/promotions/active'),
    /** What applies to the order and, for each rule near it, why not ("one more dessert", "from 17:00"). */
    orderPromotions: (orderId: string) => client.get<OrderPromotions>(`/pos/orders/${orderId}/promotions`),
    /** `promotions.apply`: applies a manual rule to the order (or takes it off with `remove`); answers the repriced order. */
    applyPromotion: (orderId: string, body: ApplyPromotionInput, o?: RequestOptions) => client.post<Order>(`/pos/orders/${orderId}/promotion/apply`, body, o),
    adminPromotions: () => client.get<{ promotions: PromotionRule[] }>('/admin/promotions'),
    createPromotion: (body: PromotionInput) => client.post<PromotionRule>('/admin/promotions', body),
    updatePromotion: (id: string, body: UpdatePromotionInput) => client.put<PromotionRule>(`/admin/promotions/${id}`, body),
    deletePromotion: (id: string) => client.request<{ ok: true }>('DELETE', `/admin/promotions/${id}`),
    promotionSettings: () => client.get<PromotionSettings>('/admin/promotions/settings'),
    savePromotionSettings: (body: PromotionSettings) => client.put<PromotionSettings>('/admin/promotions/settings', body),

    // --- integrations (issue 20) ---
    /** The venue's delivery partners with their signing secrets and the URL each sends orders to. */
    adminIntegrations: () => client.get<Integration[]>('/admin/integrations'),
    createIntegration: (body: CreateIntegrationInput) => client.post<Integration>('/admin/integrations', body),
    /** Rename or switch a partner on/off at the version seen (409 `integration.version_conflict` when stale). */
    updateIntegration: (id: string, body: UpdateIntegrationInput) => client.patch<Integration>(`/admin/integrations/${id}`, body),
    /** A new secret; the old one is accepted for `graceHours` more. */
    rotateIntegrationSecret: (id: string, body: RotateSecretInput) => client.post<Integration>(`/admin/integrations/${id}/rotate-secret`, body),
    /** Where order changes are sent, with how many messages wait (`pending`) or died (`dead`). */
    webhookEndpoints: () => client.get<WebhookEndpoint[]>('/admin/webhook-endpoints'),
    createWebhookEndpoint: (body: CreateWebhookEndpointInput) => client.post<WebhookEndpoint>('/admin/webhook-endpoints', body),
    updateWebhookEndpoint: (id: string, body: UpdateWebhookEndpointInput) => client.patch<WebhookEndpoint>(`/admin/webhook-endpoints/${id}`, body),
    deleteWebhookEndpoint: (id: string) => client.request<{ ok: true }>('DELETE', `/admin/webhook-endpoints/${id}`),
    rotateWebhookEndpointSecret: (id: string, body: RotateSecretInput) => client.post<WebhookEndpoint>(`/admin/webhook-endpoints/${id}/rotate-secret`, body),
    /** The delivery log, newest first, a page at a time (`next` is the following page's cursor). */
    deliveries: (query: Partial<DeliveriesQuery> = {}) =>
      client.get<DeliveriesPage>(
        `/admin/deliveries${qs({ kind: query.kind, status: query.status, targetId: query.targetId, cursor: query.cursor, limit: query.limit === undefined ? undefined : String(query.limit) })}`,
      ),
    /** One message with its payload and every attempt. */
    delivery: (id: string) => client.get<DeliveryDetail>(`/admin/deliveries/${id}`),
    /** Sends a dead (or delivered) message again, attempts starting over. */
    redeliver: (id: string) => client.post<Delivery>(`/admin/deliveries/${id}/redeliver`, {}),

    // --- guest notifications (issue 20, `notifications.send`) ---
    /** The venue's guest SMS / email, newest first, a page at a time (`after`: the last id of the page before); addresses masked. */
    notifications: (query: Partial<NotificationListQuery> = {}) =>
      client.get<NotificationList>(`/notification/log${qs({ status: query.status, limit: query.limit === undefined ? undefined : String(query.limit), after: query.after })}`),
    notification: (id: string) => client.get<Notification>(`/notification/${id}`),
    /** Queues an SMS or email from a template (202); 409 `notification.no_consent` for a guest without consent for the channel. */
    sendNotification: (body: SendNotificationInput) => client.post<Notification>('/notification/send', body),
    /** A dead notification again, attempts starting over; 409 `notification.not_dead` otherwise. */
    resendNotification: (id: string, body: ResendNotificationInput = {}) => client.post<Notification>(`/notification/${id}/resend`, body),

    // --- BI export (`admin.analytics`) ---
    /** Starts an export job (202); poll `analyticsExport(id)` for its progress and files. */
    startAnalyticsExport: (body: StartAnalyticsExportInput) => client.post<AnalyticsExport>('/admin/analytics/export', body),
    /** The venue's most recent exports, newest first. */
    analyticsExports: () => client.get<AnalyticsExportList>('/admin/analytics/exports'),
    analyticsExport: (id: string) => client.get<AnalyticsExport>(`/admin/analytics/export/${id}`),
    /** A finished export's file of one dataset (CSV or NDJSON) as a Blob, with the staff's token. */
    analyticsExportFile: (id: string, dataset: AnalyticsExportDataset) => client.getBlob(`/admin/analytics/export/${id}/files/${dataset}`, { accept: 'text/csv, application/x-ndjson' }),

    /** Shift reminders due now (closeout hour, time limit) with the next closeout instant. */
    shiftAlerts: () => client.get<ShiftAlerts>('/pos/shifts/alerts'),
    /** The venue's closeout hour, auto-close and the longest a shift may run (Admin → Shifts). */
    shiftSettings: () => client.get<ShiftSettings>('/admin/shift-settings'),
    saveShiftSettings: (body: PutShiftSettingsInput) => client.put<ShiftSettings>('/admin/shift-settings', body),
  };
}

export type PosApi = ReturnType<typeof createPosApi>;

/** react-query keys, one place, so socket events can invalidate exactly what they change. */
export const queryKeys = {
  menu: ['menu'] as const,
  halls: ['halls'] as const,
  tables: ['tables'] as const,
  orders: (query: OrdersQuery = {}) => ['orders', query] as const,
  order: (id: string) => ['order', id] as const,
  recommendations: (productId: string, orderId?: string) => ['recommendations', productId, orderId ?? null] as const,
  upsellConfig: (productId: string) => ['admin', 'upsell', productId] as const,
  tickets: (station?: string) => ['tickets', station ?? 'all'] as const,
  /** Where each line of an order is in the kitchen; the socket refreshes it on every ticket change. */
  kitchenStatus: (orderId: string) => ['kitchen-status', orderId] as const,
  currentShift: ['shift', 'current'] as const,
  cashMovements: (shiftId: string) => ['shift', 'cash-movements', shiftId] as const,
  shiftZReport: (shiftId: string) => ['shift', 'z-report', shiftId] as const,
  zReports: ['shift', 'z-reports'] as const,
  /** The tills a shift may open on (the open-shift form's picker). */
  tills: ['shift', 'tills'] as const,
  /** The venue's open shifts (the supervisor's board). */
  openShifts: ['shift', 'open'] as const,
  adminTills: ['admin', 'tills'] as const,
  flags: ['admin', 'flags'] as const,
  remotes: ['admin', 'remotes'] as const,
  staff: ['admin', 'staff'] as const,
  roles: ['admin', 'roles'] as const,
  paymentSettings: ['admin', 'payment-settings'] as const,
  plans: ['admin', 'plans'] as const,
  financeDashboard: (query: DashboardQuery) => ['finance', 'dashboard', query.scope ?? 'shift', query.sessionId ?? null] as const,
  devices: ['admin', 'devices'] as const,
  payments: (orderId: string) => ['payments', orderId] as const,
  expiredHolds: ['payments', 'holds', 'expired'] as const,
  customerProfile: (id: string) => ['loyalty', 'customer', id] as const,
  giftCard: (code: string) => ['loyalty', 'giftcard', code] as const,
  adminCustomers: (query: string) => ['admin', 'customers', query] as const,
  loyaltySettings: ['admin', 'loyalty-settings'] as const,
  activePromotions: ['promotions', 'active'] as const,
  orderPromotions: (orderId: string) => ['promotions', 'order', orderId] as const,
  adminPromotions: ['admin', 'promotions'] as const,
  promotionSettings: ['admin', 'promotion-settings'] as const,
  /** One order's kitchen tickets; `kitchen.ticket.updated` invalidates every `tickets` key. */
  orderTickets: (orderId: string) => ['tickets', 'order', orderId] as const,
  adminIntegrations: ['admin', 'integrations'] as const,
  webhookEndpoints: ['admin', 'webhook-endpoints'] as const,
  deliveries: (query: Partial<DeliveriesQuery>) => ['admin', 'deliveries', query] as const,
  delivery: (id: string) => ['admin', 'delivery', id] as const,
  notifications: (query: Partial<NotificationListQuery>) => ['admin', 'notifications', query] as const,
  analyticsExports: ['admin', 'analytics-exports'] as const,
  analyticsExport: (id: string) => ['admin', 'analytics-export', id] as const,
};
