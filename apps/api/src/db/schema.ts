/**
 * Kysely table types. Portable across SQLite and PostgreSQL: ids and timestamps are text
 * (UUIDs, ISO-8601 UTC), booleans are 0/1 integers, structured values are JSON text, money is an
 * integer of minor units.
 */
export interface VenuesTable {
  id: string;
  slug: string;
  name: string;
  currency: string;
  timezone: string;
  locale: string;
  menu_version: number;
  order_seq: number;
  ticket_seq: number;
  settings: string;
  created_at: string;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
}

export interface StaffTable {
  id: string;
  venue_id: string;
  name: string;
  role: string;
  /** HMAC of the PIN with a server secret: finds the staff member without trying every hash. */
  pin_lookup: string;
  /** argon2id hash: the actual verifier. */
  pin_hash: string;
  /** PBKDF2 verifier tablets hold for switching staff offline (never the PIN). */
  offline_verifier: string | null;
  /** How many digits the PIN has (null for PINs set before migration 008). */
  pin_digits: number | null;
  is_active: number;
  created_at: string;
}

export interface StaffSessionsTable {
  id: string;
  staff_id: string;
  venue_id: string;
  device_id: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** An enrolled tablet: its key proves it at every sign-in (migration 008). */
export interface DevicesTable {
  id: string;
  venue_id: string;
  name: string;
  /** The device key (base64url); the tablet holds it as a non-extractable HMAC key. */
  key_secret: string;
  enrolled_at: string;
  /** Name of the admin who issued the code (null for codes printed at start-up). */
  enrolled_by: string | null;
  last_sign_in_at: string | null;
  revoked_at: string | null;
  /** The till this tablet takes money into (set in Admin); null: the staff member's own drawer. */
  till_id: string | null;
}

export interface DeviceEnrollmentCodesTable {
  code_hash: string;
  venue_id: string;
  created_at: string;
  created_by: string | null;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

export interface DeviceChallengesTable {
  challenge_hash: string;
  device_id: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginLockoutsTable {
  venue_id: string;
  device_key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface RolePermissionsTable {
  venue_id: string;
  role: string;
  permissions: string;
}

export interface FeatureFlagsTable {
  venue_id: string;
  feature: string;
  enabled: number;
}

export interface RemotesTable {
  venue_id: string;
  name: string;
  feature: string;
  manifest_url: string;
  version: string;
  /** SRI sha384 of the entry script the manifest names; null until computed (the shell refuses it). */
  integrity: string | null;
  updated_at: string;
}

export interface StationsTable {
  id: string;
  venue_id: string;
  code: string;
  name: string;
}

export interface CategoriesTable {
  id: string;
  venue_id: string;
  code: string;
  name: string;
  color: string;
  sort: number;
  /** Removed from the menu (migration 028); past orders' dishes still point at it. */
  archived_at?: string | null;
}

export interface ModifierGroupsTable {
  id: string;
  venue_id: string;
  code: string;
  name: string;
  min_select: number;
  max_select: number;
  sort: number;
}

export interface ModifierOptionsTable {
  id: string;
  group_id: string;
  venue_id: string;
  code: string;
  name: string;
  price_delta: number;
  sort: number;
}

export interface ProductsTable {
  id: string;
  venue_id: string;
  category_id: string;
  code: string;
  name: string;
  description: string | null;
  price: number;
  station_id: string;
  stock: number | null;
  is_available: number;
  sort: number;
  image_url: string | null;
  updated_at: string;
  /**
   * 'item' (a dish), 'gift_card' (migration 022: the product a gift card's line names, never on
   * the menu) or 'archived' (migration 028: removed from the menu; past orders' lines keep it).
   */
  kind?: string;
}

/**
 * One row per menu version (migration 028). A 'stock' row: what a stock/availability change left
 * the product at, in its own columns. Any other kind ('product', 'product.removed', 'category',
 * 'category.removed'): the change as JSON in `data` (the whole new product or category).
 */
export interface MenuChangesTable {
  venue_id: string;
  version: number;
  kind: string;
  product_id: string | null;
  stock: number | null;
  is_available: number | null;
  data: string | null;
  changed_at: string;
}

export interface ProductModifierGroupsTable {
  product_id: string;
  group_id: string;
  sort: number;
}

export interface HallsTable {
  id: string;
  venue_id: string;
  name: string;
  sort: number;
}

export interface TablesTable {
  id: string;
  venue_id: string;
  hall_id: string;
  label: string;
  seats: number;
  shape: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TableSessionsTable {
  id: string;
  venue_id: string;
  table_id: string;
  waiter_id: string;
  guests: number;
  status: string;
  opened_at: string;
  closed_at: string | null;
  merged_into: string | null;
}

/** A booked time window; its tables are in `reservation_tables`. Times are ISO-8601 UTC. */
export interface ReservationsTable {
  id: string;
  venue_id: string;
  status: string;
  starts_at: string;
  ends_at: string;
  guests: number;
  guest_name: string;
  guest_phone: string;
  note: string | null;
  session_id: string | null;
  cancel_reason: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ReservationTablesTable {
  reservation_id: string;
  table_id: string;
  position: number;
}

export interface OrdersTable {
  id: string;
  venue_id: string;
  number: number;
  table_id: string | null;
  session_id: string | null;
  waiter_id: string;
  shift_id: string | null;
  status: string;
  guests: number;
  note: string | null;
  held_courses: string;
  split: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** 023: the loyalty guest attached to the order (loyalty writes it through the orders hooks). */
  customer_id?: string | null;
  /** 025: 'pos' (taken at the till) or 'delivery' (came in from a delivery partner). */
  source?: string;
  /** 025: the delivery partner (integrations) and its own id of the order. */
  integration_id?: string | null;
  external_id?: string | null;
  /** 025: the partner's last status of the order (accepted … delivered, cancelled). */
  external_status?: string | null;
  /** 025: the delivery details as JSON (guest's name, phone, address, pickup time). */
  delivery?: string | null;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  venue_id: string;
  product_id: string;
  name: string;
  unit_price: number;
  modifiers: string;
  quantity: number;
  voided_quantity: number;
  fired_quantity: number;
  /** The note as the kitchen last saw it; a difference is fired as a note change. */
  fired_note: string | null;
  note: string | null;
  course: number;
  void_reason: string | null;
  position: number;
  created_at: string;
  /** Set on a combo line (the combo sold at its price; never fired itself). */
  combo_id?: string | null;
  /** Set on a dish of a combo: its combo line. */
  combo_line_id?: string | null;
  /** 1 for a line sold at a given price that the kitchen never gets (a gift card, migration 022). */
  is_charge?: number;
  /** 024: when the line first went to the kitchen (a happy-hour line fired inside the window keeps its price). */
  first_fired_at?: string | null;
}

export interface KitchenTicketsTable {
  id: string;
  venue_id: string;
  number: number;
  order_id: string;
  station_id: string;
  course: number | null;
  status: string;
  version: number;
  created_at: string;
  status_changed_at: string;
}

export interface TicketItemsTable {
  id: string;
  ticket_id: string;
  line_id: string;
  name: string;
  modifiers: string;
  quantity: number;
  note: string | null;
  kind: string;
  position: number;
}

export interface ShiftsTable {
  id: string;
  venue_id: string;
  cashier_id: string;
  status: string;
  is_rescue: number;
  opened_at: string;
  closed_at: string | null;
  opening_float: number;
  counted: string | null;
  expected: string | null;
  difference: string | null;
  closed_by: string | null;
  override_reason: string | null;
  /** The till (cash drawer) it was opened on; null for a personal drawer and before tills. */
  till_id: string | null;
  /** How it was closed: counted | blind | auto (null while open). */
  close_mode: string | null;
  /** Open checks it passed on when it closed: JSON `[{ orderId, number, toShiftId | null }]` (migration 018). */
  carried_over?: string | null;
}

export interface TillsTable {
  id: string;
  venue_id: string;
  name: string;
  created_at: string;
  archived_at: string | null;
}

export interface PaymentsTable {
  id: string;
  venue_id: string;
  order_id: string;
  check_index: number | null;
  shift_id: string;
  method: string;
  status: string;
  amount: number;
  tip: number;
  tendered: number | null;
  change_given: number;
  reference: string | null;
  created_by: string;
  created_at: string;
  /** 006: the payment state machine (defaults keep older captured rows valid). */
  held_amount: number;
  refunded_amount: number;
  /** What a terminal operation that timed out would capture or hold once reconciled. */
  pending_amount: number;
  pending_tip: number;
  pending_action: string | null;
  masked_card: string | null;
  card_scheme: string | null;
  expires_at: string | null;
  updated_at: string | null;
}

/** Append-only: one row per payment transition, with who and why. */
export interface PaymentEventsTable {
  id: string;
  venue_id: string;
  payment_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  amount: number;
  tip: number;
  staff_id: string;
  reason: string | null;
  created_at: string;
}

export interface VenuePaymentSettingsTable {
  venue_id: string;
  tip_tolerance_percent: number;
  hold_expiry_days: number;
  day_close_policy: string;
}

/** 013: a weekday's revenue plan; `hours` is a JSON array of 24 hour targets (minor units), hour 0 first. */
export interface RevenuePlansTable {
  venue_id: string;
  weekday: number;
  hours: string;
}

/** 013: one row per venue once its plans were saved: the on-plan threshold and who saved last. */
export interface VenuePlanSettingsTable {
  venue_id: string;
  threshold_percent: number;
  updated_at: string;
  updated_by: string | null;
}

export interface LedgerEntriesTable {
  id: string;
  venue_id: string;
  shift_id: string;
  order_id: string | null;
  payment_id: string | null;
  kind: string;
  method: string;
  amount: number;
  staff_id: string;
  created_at: string;
}

/** Cash paid into or out of a shift's drawer (append-only); the shift's cash `expected` counts it. */
export interface CashMovementsTable {
  id: string;
  venue_id: string;
  shift_id: string;
  /** 'paid_in' | 'paid_out' */
  kind: string;
  amount: number;
  reason: string;
  staff_id: string;
  created_at: string;
}

export interface IdempotencyKeysTable {
  venue_id: string;
  key: string;
  request_hash: string;
  status: string;
  response_status: number | null;
  response_body: string | null;
  locked_at: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: string;
  venue_id: string;
  staff_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
  created_at: string;
  /** The supervisor whose inline approval let the actor do this (migration 011). */
  approved_by: string | null;
}

/**
 * An inline supervisor approval (migration 011): one permission lent for one command of one
 * sign-in session, until `expires_at`; `used_at` is set by the command that spends it.
 */
export interface ApprovalsTable {
  id: string;
  token_hash: string;
  venue_id: string;
  permission: string;
  session_id: string;
  requested_by: string;
  approved_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A product's recommended add-on, in the admin's order. */
export interface UpsellAddonsTable {
  venue_id: string;
  product_id: string;
  addon_id: string;
  position: number;
  reason: string | null;
  created_at: string;
}

/** Products sold together at `price`; `windows` is JSON (ComboWindow[]), `[]` for any time. */
export interface CombosTable {
  id: string;
  venue_id: string;
  product_id: string;
  name: string;
  price: number;
  windows: string;
  reason: string | null;
  position: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ComboItemsTable {
  combo_id: string;
  product_id: string;
  quantity: number;
  position: number;
}

/** In how many paid orders `product_id` and `other_id` were together (one row per direction). */
export interface ProductPairsTable {
  venue_id: string;
  product_id: string;
  other_id: string;
  count: number;
  last_at: string;
}

export interface UpsellEventsTable {
  id: string;
  venue_id: string;
  product_id: string;
  /** 'product' | 'combo' */
  target_kind: string;
  target_id: string;
  /** 'shown' | 'accepted' */
  kind: string;
  order_id: string | null;
  staff_id: string;
  created_at: string;
}

/** 019: a loyalty guest of a venue (phone E.164, unique per venue). */
export interface CustomersTable {
  id: string;
  venue_id: string;
  name: string;
  phone: string;
  email: string | null;
  sms_consent: number;
  sms_consent_at: string | null;
  email_consent: number;
  email_consent_at: string | null;
  tier: string;
  visits: number;
  last_visit_at: string | null;
  created_at: string;
  updated_at: string;
  /** Name and phone folded to lower case by JavaScript (SQLite's lower() is ASCII-only), for search. */
  search_text: string;
  /** 023: the cached points balance, changed with each `points_movements` row in its transaction. */
  points: number;
}

/** 019: a printed loyalty card (its code is signed, not stored). */
export interface CustomerCardsTable {
  id: string;
  venue_id: string;
  customer_id: string;
  created_at: string;
  revoked_at: string | null;
}

/** 019: the key that signs a venue's guest codes (base64url of 32 random bytes). */
export interface VenueLoyaltyKeysTable {
  venue_id: string;
  key: string;
  created_at: string;
}

/** 017: a shift's Z-report: numbered per venue without gaps, its data frozen at the close, hash-chained. */
export interface ZReportsTable {
  id: string;
  venue_id: string;
  number: number;
  shift_id: string;
  issued_at: string;
  /** The report's canonical JSON (ShiftReportData), frozen at the close. */
  data: string;
  prev_hash: string;
  /** sha256 hex of prev_hash + data. */
  hash: string;
  /** How many times it was printed (HTML or PDF); a print after the first is a copy. */
  prints: number;
}

/** 025: work to deliver outside the database, written in the transaction of the change it tells of. */
export interface OutboxMessagesTable {
  id: string;
  venue_id: string;
  /** Which handler delivers it: 'webhook' (target: an endpoint), 'notification' (target: a notification). */
  kind: string;
  target_id: string | null;
  /** The event's id: the `webhook-id` a receiver deduplicates by; the same on every attempt. */
  event_id: string;
  event_type: string;
  payload: string;
  /** pending | sending | delivered | dead */
  status: string;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

/** 025: the delivery log, one row per attempt. */
export interface OutboxAttemptsTable {
  id: string;
  message_id: string;
  venue_id: string;
  attempt: number;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** 025: a delivery partner of a venue and the secrets its incoming webhooks are signed with. */
export interface IntegrationsTable {
  id: string;
  venue_id: string;
  name: string;
  /** The staff row its orders are taken in the name of (it cannot sign in). */
  staff_id: string;
  enabled: number;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 025: where order changes are sent (Standard Webhooks, signed with the endpoint's secret). */
export interface WebhookEndpointsTable {
  id: string;
  venue_id: string;
  url: string;
  description: string;
  /** JSON array of event types. */
  events: string;
  enabled: number;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 025: incoming webhook ids already taken (a replay is a no-op). */
export interface InboundWebhooksTable {
  integration_id: string;
  webhook_id: string;
  venue_id: string;
  kind: string;
  received_at: string;
}

export interface Database {
  customers: CustomersTable;
  customer_cards: CustomerCardsTable;
  venue_loyalty_keys: VenueLoyaltyKeysTable;
  tills: TillsTable;
  venues: VenuesTable;
  server_secrets: ServerSecretsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  login_lockouts: LoginLockoutsTable;
  devices: DevicesTable;
  device_enrollment_codes: DeviceEnrollmentCodesTable;
  device_challenges: DeviceChallengesTable;
  role_permissions: RolePermissionsTable;
  feature_flags: FeatureFlagsTable;
  remotes: RemotesTable;
  stations: StationsTable;
  categories: CategoriesTable;
  modifier_groups: ModifierGroupsTable;
  modifier_options: ModifierOptionsTable;
  products: ProductsTable;
  product_modifier_groups: ProductModifierGroupsTable;
  menu_changes: MenuChangesTable;
  halls: HallsTable;
  tables: TablesTable;
  table_sessions: TableSessionsTable;
  reservations: ReservationsTable;
  reservation_tables: ReservationTablesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  kitchen_tickets: KitchenTicketsTable;
  ticket_items: TicketItemsTable;
  shifts: ShiftsTable;
  payments: PaymentsTable;
  ledger_entries: LedgerEntriesTable;
  outbox_messages: OutboxMessagesTable;
  outbox_attempts: OutboxAttemptsTable;
  integrations: IntegrationsTable;
  webhook_endpoints: WebhookEndpointsTable;
  inbound_webhooks: InboundWebhooksTable;
  cash_movements: CashMovementsTable;
  payment_events: PaymentEventsTable;
  venue_payment_settings: VenuePaymentSettingsTable;
  revenue_plans: RevenuePlansTable;
  venue_plan_settings: VenuePlanSettingsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  approvals: ApprovalsTable;
  upsell_addons: UpsellAddonsTable;
  combos: CombosTable;
  combo_items: ComboItemsTable;
  product_pairs: ProductPairsTable;
  upsell_events: UpsellEventsTable;
  z_reports: ZReportsTable;
  venue_shift_settings: VenueShiftSettingsTable;
  venue_loyalty_settings: VenueLoyaltySettingsTable;
  points_movements: PointsMovementsTable;
  customer_visits: CustomerVisitsTable;
  shift_alerts_sent: ShiftAlertsSentTable;
  gift_cards: GiftCardsTable;
  gift_card_movements: GiftCardMovementsTable;
  promotions: PromotionsTable;
  promotion_guest_uses: PromotionGuestUsesTable;
  promotion_uses: PromotionUsesTable;
  order_promotions: OrderPromotionsTable;
  order_manual_promotions: OrderManualPromotionsTable;
  venue_promotion_settings: VenuePromotionSettingsTable;
  notifications: NotificationsTable;
  analytics_exports: AnalyticsExportsTable;
}

/** 024: a promotion rule; effect, schedule, conditions and limits are the contract's JSON. */
export interface PromotionsTable {
  id: string;
  venue_id: string;
  name: string;
  kind: string;
  effect: string;
  schedule: string;
  conditions: string;
  limits: string;
  priority: number;
  stacking: string;
  manual: number;
  feature_flag: string | null;
  enabled: number;
  /** limits.total, as a column for the conditional claim. */
  total_limit: number | null;
  /** Orders holding a use (`promotion_uses`). */
  uses: number;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PromotionGuestUsesTable {
  promotion_id: string;
  customer_id: string;
  uses: number;
}

export interface PromotionUsesTable {
  promotion_id: string;
  order_id: string;
  venue_id: string;
  customer_id: string | null;
  created_at: string;
}

export interface OrderPromotionsTable {
  order_id: string;
  promotion_id: string;
  venue_id: string;
  position: number;
  name: string;
  kind: string;
  manual: number;
  saving: number;
  /** JSON [{lineId, saving}]. */
  lines: string;
}

export interface OrderManualPromotionsTable {
  order_id: string;
  promotion_id: string;
  staff_id: string;
  created_at: string;
}

export interface VenuePromotionSettingsTable {
  venue_id: string;
  exclusive_choice: string;
  state_key: string | null;
  updated_at: string;
}

/** The venue's closeout hour and shift limits (migration 018); a venue without a row has the defaults. */
export interface VenueShiftSettingsTable {
  venue_id: string;
  /** 'HH:MM', wall clock in the venue's time zone; null = no closeout hour. */
  closeout_time: string | null;
  auto_close: number;
  max_open_minutes: number;
  updated_at: string;
  updated_by: string | null;
}

/** Which reminder of which shift went out: the primary key (shift_id, kind) makes it once only. */
export interface ShiftAlertsSentTable {
  shift_id: string;
  kind: string;
  venue_id: string;
  sent_at: string;
}

/** The venue's loyalty programme (issue 18); no row: the defaults. */
export interface VenueLoyaltySettingsTable {
  venue_id: string;
  earn_percent: number;
  point_value: number;
  gift_card_expiry_days: number;
  updated_at: string;
}

/** A gift card (migration 022): the normalized code, unique per venue; the balance never below zero. */
export interface GiftCardsTable {
  id: string;
  venue_id: string;
  code: string;
  /** pending | active | blocked | cancelled */
  status: string;
  initial_amount: number;
  balance: number;
  currency: string;
  expires_at: string | null;
  sale_order_id: string;
  sale_line_id: string;
  activated_at: string | null;
  blocked_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A gift card's append-only history: each movement with the balance it left. */
export interface GiftCardMovementsTable {
  id: string;
  venue_id: string;
  gift_card_id: string;
  /** issue | activate | redeem | restore | block | unblock | cancel */
  kind: string;
  /** Signed: − for a redeem, + for a restore, 0 for a block. */
  amount: number;
  balance_after: number;
  order_id: string | null;
  payment_id: string | null;
  /** A restore names the redeem it gives back. */
  redeem_id: string | null;
  staff_id: string;
  reason: string | null;
  created_at: string;
}
/** 023: a guest's points, append-only: earned on a payment, spent as a tender, reversed or returned pro rata by a refund. */
export interface PointsMovementsTable {
  id: string;
  venue_id: string;
  customer_id: string;
  order_id: string | null;
  payment_id: string | null;
  /** The refund (its payment_events row) an 'earn_reversal' or 'spend_return' answers. */
  refund_id: string | null;
  kind: string;
  /** Signed. */
  points: number;
  staff_id: string | null;
  created_at: string;
}

/** 023: a visit — an order with a guest that became paid (number and total as they were then). */
export interface CustomerVisitsTable {
  order_id: string;
  venue_id: string;
  customer_id: string;
  order_number: number;
  total: number;
  closed_at: string;
}

/** 026: a guest notification (SMS or email); its status kept in step with its outbox message. */
export interface NotificationsTable {
  id: string;
  venue_id: string;
  customer_id: string | null;
  /** sms | email */
  channel: string;
  template: string;
  /** ru | en */
  language: string;
  /** The real address (E.164 phone or email): needed to deliver, shown only masked. */
  recipient: string;
  /** Email only. */
  subject: string | null;
  body: string;
  /** queued | sent | failed | dead */
  status: string;
  attempts: number;
  last_error: string | null;
  outbox_message_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** 027: a BI export a venue's admin asked for; `request` is the contract's input, `files` JSON `[{ dataset, file, bytes, rows }]`. */
export interface AnalyticsExportsTable {
  id: string;
  venue_id: string;
  requested_by: string;
  request: string;
  /** 'period' | 'since_last' */
  mode: string;
  /** queued | running | done | failed */
  status: string;
  /** bigint: PostgreSQL hands it back as a string. */
  rows_done: number | string;
  rows_total: number | string;
  cursor_from: string | null;
  cursor_to: string | null;
  files: string;
  error: string | null;
  created_at: string;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
}
