import type { TFunction } from 'i18next';

/**
 * What staff read when the server refuses something: one sentence per problem `code` (the stable
 * machine-readable part of the API's RFC 9457 answers), in Russian and English. The problem's own
 * `title` is English for developers and never reaches a screen.
 */
const ru: Record<string, string> = {
  // Sign-in, devices, permissions
  'auth.unauthorized': 'Сеанс истёк — войдите снова.',
  'auth.forbidden': 'У вас нет прав на это действие.',
  'auth.invalid_pin': 'Неверный PIN-код.',
  'auth.locked': 'Слишком много неверных PIN-кодов на этом планшете. Попробуйте позже.',
  'auth.venue_locked': 'Слишком много неверных PIN-кодов в заведении: вход по PIN временно приостановлен.',
  'auth.device_not_enrolled': 'Планшет не подключён к заведению. Подключите его кодом из раздела «Устройства».',
  'auth.offline_not_allowed': 'Этому сотруднику нельзя работать без связи.',
  'device.enrollment_code_invalid': 'Код подключения неверный, уже использован или истёк. Попросите новый.',
  'device.not_found': 'Планшет не найден.',
  'feature.disabled': 'Эта функция отключена в заведении.',
  // Inline supervisor approval
  'approval.wrong_pin': 'Неверный PIN-код старшего.',
  'approval.not_permitted': 'Этот сотрудник не может подтвердить такое действие. Нужен PIN старшего смены.',
  'approval.invalid': 'Подтверждение выдано не вам или не на этом планшете. Попросите старшего ещё раз.',
  'approval.expired': 'Подтверждение старшего истекло. Попросите ещё раз.',
  'approval.used': 'Подтверждение старшего уже использовано. Попросите ещё раз.',
  'approval.no_device': 'Подтверждение старшего вводится только на подключённом планшете.',
  // Tables and sessions
  'table.not_found': 'Стол не найден.',
  'table.not_open': 'Стол уже закрыт.',
  'table.occupied': 'Стол уже занят.',
  'table.unpaid_orders': 'На столе есть неоплаченные заказы.',
  'table.transfer_not_allowed': 'Этому сотруднику нельзя передать стол.',
  'table.total_too_large': 'Сумма заказов стола слишком велика. Сначала рассчитайте часть счёта.',
  'session.not_found': 'Посадка за столом не найдена.',
  // Orders and lines
  'order.not_found': 'Заказ не найден.',
  'order.closed': 'Заказ уже закрыт.',
  'order.version_conflict': 'Заказ только что изменили на другом планшете. Проверьте и повторите.',
  'order.has_payments': 'По заказу уже есть оплаты.',
  'order.paid_check_changed': 'Этот чек уже оплачен — его нельзя изменить.',
  'order.too_many_lines': 'В заказе слишком много позиций. Откройте ещё один заказ.',
  'order.total_too_large': 'Сумма заказа слишком велика.',
  'line.not_found': 'Позиция не найдена.',
  'line.fired': 'Позиция уже отправлена на кухню.',
  'line.voided': 'Позиция уже отменена.',
  'line.combo': 'Комбо меняется целиком.',
  'line.combo_part': 'Часть комбо нельзя изменить отдельно.',
  'product.not_found': 'Блюдо не найдено в меню.',
  'menu.out_of_stock': 'Блюдо закончилось.',
  'menu.unavailable': 'Блюдо сейчас недоступно.',
  'combo.outside_hours': 'Комбо сейчас не действует.',
  // Kitchen
  'ticket.not_found': 'Тикет кухни не найден.',
  'ticket.illegal_transition': 'Тикет уже в другом статусе.',
  'ticket.version_conflict': 'Тикет только что изменили на другом экране.',
  // Payments and shifts
  'payment.not_found': 'Платёж не найден.',
  'payment.already_captured': 'Платёж уже проведён.',
  'payment.exceeds_due': 'Сумма больше, чем осталось оплатить.',
  'payment.exceeds_held': 'Сумма больше заблокированной на карте.',
  'payment.exceeds_refundable': 'Сумма больше, чем можно вернуть.',
  'payment.exceeds_requested': 'Сумма больше запрошенной.',
  'payment.hold_exceeds_payment': 'Блокировка больше суммы платежа.',
  'payment.invalid_transition': 'Платёж уже в другом статусе.',
  'payment.nothing_due': 'По заказу нечего оплачивать.',
  'payment.tip_over_tolerance': 'Чаевые превышают допустимый предел заведения.',
  'payment.tips_too_large': 'Чаевые слишком велики.',
  'shift.not_found': 'Смена не найдена.',
  'shift.not_open': 'Кассовая смена не открыта.',
  'shift.already_open': 'Смена уже открыта.',
  'shift.closed': 'Смена уже закрыта.',
  'shift.cash_short': 'В кассе нет столько наличных: выплата больше, чем должно быть в ящике.',
  'till.busy': 'На этой кассе уже открыта смена.',
  'till.name_taken': 'Касса с таким названием уже есть.',
  'customer.not_found': 'Гость не найден.',
  'customer.phone_taken': 'Гость с таким телефоном уже есть.',
  'customer.qr_malformed': 'Это не код гостя нашего заведения.',
  'customer.qr_expired': 'Код гостя устарел: попросите показать приложение ещё раз.',
  'customer.qr_forged': 'Код гостя не подписан этим заведением.',
  'customer.card_revoked': 'Эта карта гостя отозвана.',
  'loyalty.customer_locked': 'На этом заказе уже начислены или списаны баллы гостя: гостя нельзя снять или заменить.',
  'loyalty.no_customer': 'Сначала привяжите гостя к заказу.',
  'loyalty.insufficient_points': 'У гостя не хватает баллов.',
  'card.not_found': 'Карта гостя не найдена.',
  'till.not_found': 'Касса не найдена.',
  'shift.not_yours': 'Это не ваша смена.',
  'dashboard.not_your_shift': 'Кассир видит показатели только своей смены; чужую — старший смены.',
  'dashboard.day_forbidden': 'Показатели всего дня видит старший смены; кассир — свою смену.',
  'shift.open_checks': 'Есть открытые чеки — закройте их перед закрытием смены.',
  'shift_report.not_yours': 'Кассир видит отчёты только своих смен. Отчёты других смен — у старшего смены.',
  // Reservations
  'reservation.not_found': 'Бронь не найдена.',
  'reservation.not_due': 'Время брони ещё не подошло.',
  'reservation.too_early': 'Слишком рано для этой брони.',
  'reservation.version_conflict': 'Бронь только что изменили на другом планшете.',
  'reservation.conflict': 'Стол уже забронирован на это время.',
  'reservation.illegal_transition': 'Бронь уже в другом статусе.',
  // Admin
  'staff.not_found': 'Сотрудник не найден.',
  'staff.last_admin': 'Нельзя убрать последнего администратора.',
  'staff.pin_taken': 'Этот PIN-код уже занят другим сотрудником.',
  'venue.not_found': 'Заведение не найдено.',
  'remote.not_found': 'Модуль не найден.',
  'remote.manifest_invalid': 'Манифест модуля некорректен.',
  'remote.entry_outside_folder': 'Файл модуля лежит вне его папки.',
  'remote.build_not_found': 'Сборка модуля не найдена на сервере.',
  // Transport and framework
  'idempotency.in_flight': 'Запрос ещё выполняется — подождите.',
  'idempotency.key_reused': 'Повторный запрос с другими данными отклонён.',
  validation: 'Проверьте введённые данные.',
  rate_limited: 'Слишком много запросов — подождите немного.',
  invalid_json: 'Сервер не понял запрос.',
  bad_request: 'Сервер не понял запрос.',
  invalid_url: 'Сервер не понял запрос.',
  'route.not_found': 'Сервер не знает этого действия. Обновите приложение.',
  method_not_allowed: 'Сервер не знает этого действия. Обновите приложение.',
  not_implemented: 'Сервер не знает этого действия. Обновите приложение.',
  not_acceptable: 'Сервер не понял запрос.',
  length_required: 'Сервер не понял запрос.',
  payload_too_large: 'Слишком много данных в одном запросе.',
  uri_too_long: 'Слишком много данных в одном запросе.',
  header_fields_too_large: 'Слишком много данных в одном запросе.',
  unsupported_media_type: 'Сервер не понял запрос.',
  request_timeout: 'Запрос шёл слишком долго. Повторите.',
  unavailable: 'Сервер временно недоступен. Повторите позже.',
  internal: 'Ошибка на сервере. Повторите или позовите администратора.',
  network: 'Нет связи с сервером.',
  http: 'Сервер ответил ошибкой. Повторите.',
  unknown: 'Не получилось. Повторите или позовите администратора.',
  fields: 'Проверьте поля: {{fields}}.',
  // Promotions
  'promotion.not_found': 'Акция не найдена.',
  'promotion.not_manual': 'Эта акция применяется сама: вручную её не добавить.',
  'promotion.not_applicable': 'Акция ничего не даёт этому заказу: не подходят блюда, сумма, время или лимит.',
  'promotion.version_conflict': 'Акцию только что изменил кто-то другой. Обновите и повторите.',
  'promotion.too_many': 'Слишком много акций: удалите старые.',
  // Integrations: delivery partners, webhooks, the delivery log
  'integration.not_found': 'Партнёр доставки не найден.',
  'integration.version_conflict': 'Настройки партнёра только что изменил кто-то другой. Обновите и повторите.',
  'webhook_endpoint.not_found': 'Адрес для вебхуков не найден.',
  'webhook_endpoint.version_conflict': 'Адрес для вебхуков только что изменил кто-то другой. Обновите и повторите.',
  'webhook.signature_invalid': 'Подпись вебхука не совпадает.',
  'webhook.timestamp_out_of_tolerance': 'Время вебхука отличается от текущего больше чем на 5 минут.',
  'webhook.headers_missing': 'У вебхука нет заголовков подписи.',
  'webhook.replayed': 'Этот вебхук уже был принят.',
  'delivery.cancelled': 'Партнёр уже отменил этот заказ.',
  'delivery.already_picked_up': 'Курьер уже забрал заказ: отменить его нельзя.',
  'outbox.message_not_found': 'Сообщение не найдено.',
  'outbox.message_pending': 'Сообщение ещё доставляется: отправить заново можно, когда оно доставлено или отклонено.',
  // Gift cards
  'giftcard.not_found': 'Подарочная карта не найдена.',
  'giftcard.not_active': 'Подарочная карта не активна: она ещё не оплачена или аннулирована.',
  'giftcard.blocked': 'Подарочная карта заблокирована.',
  'giftcard.expired': 'Срок действия подарочной карты истёк.',
  'giftcard.insufficient_balance': 'На подарочной карте недостаточно средств.',
  'giftcard.invalid_transition': 'Подарочная карта уже в другом статусе.',
  'giftcard.redeem_missing': 'У этого платежа нет списания с подарочной карты.',
  'giftcard.restore_exceeds_redeem': 'На карту нельзя вернуть больше, чем с неё списали.',
  'giftcard.sale_refund_spent': 'Проданная подарочная карта уже потрачена — такой возврат невозможен.',
  'line.charge': 'Эту позицию нельзя изменить — только отменить.',
  'menu.not_set_up': 'В меню заведения ещё нет категорий или цехов.',
  // The menu in Admin
  'menu.code_taken': 'Блюдо с таким кодом уже есть в меню.',
  'menu.category_not_empty': 'В категории ещё есть блюда: перенесите или уберите их.',
  'category.not_found': 'Категория меню не найдена.',
  // Guest notifications and the outbox
  'notification.not_found': 'Уведомление не найдено.',
  'notification.no_consent': 'Гость не давал согласия на сообщения по этому каналу.',
  'notification.no_address': 'У гостя нет адреса для этого канала (телефона или email).',
  'notification.not_dead': 'Повторно отправить можно только уведомление, доставка которого остановлена.',
  // BI export
  'analytics_export.not_found': 'Выгрузка не найдена.',
  'analytics_export_file.not_found': 'В этой выгрузке нет такого набора данных.',
  'analytics_export.not_ready': 'Выгрузка ещё не готова: файлы появятся, когда она завершится.',
  'analytics_export.too_many': 'Слишком много выгрузок в очереди. Дождитесь, пока одна из них завершится.',
};

const en: Record<string, string> = {
  'auth.unauthorized': 'Your session has ended — sign in again.',
  'auth.forbidden': 'You are not allowed to do this.',
  'auth.invalid_pin': 'Wrong PIN.',
  'auth.locked': 'Too many wrong PINs on this tablet. Try again later.',
  'auth.venue_locked': 'Too many wrong PINs in this venue: PIN sign-in is paused for a while.',
  'auth.device_not_enrolled': 'This tablet is not enrolled. Enroll it with a code from Admin → Devices.',
  'auth.offline_not_allowed': 'This staff member may not work offline.',
  'device.enrollment_code_invalid': 'The enrollment code is wrong, used or expired. Ask for a new one.',
  'device.not_found': 'Tablet not found.',
  'feature.disabled': 'This feature is switched off for the venue.',
  // Inline supervisor approval
  'approval.wrong_pin': 'Wrong supervisor PIN.',
  'approval.not_permitted': 'This person cannot approve that. A supervisor’s PIN is needed.',
  'approval.invalid': 'This approval was not given to you on this tablet. Ask the supervisor again.',
  'approval.expired': 'The supervisor’s approval has expired. Ask again.',
  'approval.used': 'The supervisor’s approval has been used already. Ask again.',
  'approval.no_device': 'A supervisor’s approval is typed on an enrolled tablet only.',
  'table.not_found': 'Table not found.',
  'table.not_open': 'The table is already closed.',
  'table.occupied': 'The table is already taken.',
  'table.unpaid_orders': 'The table has unpaid orders.',
  'table.transfer_not_allowed': 'This staff member cannot take tables.',
  'table.total_too_large': 'The table’s bill is too large. Settle part of it first.',
  'session.not_found': 'Table seating not found.',
  'order.not_found': 'Order not found.',
  'order.closed': 'The order is already closed.',
  'order.version_conflict': 'The order was just changed on another tablet. Check it and try again.',
  'order.has_payments': 'The order already has payments.',
  'order.paid_check_changed': 'That check is paid and cannot change.',
  'order.too_many_lines': 'The order has too many lines. Open another order.',
  'order.total_too_large': 'The order total is too large.',
  'line.not_found': 'Line not found.',
  'line.fired': 'The line was already sent to the kitchen.',
  'line.voided': 'The line was already voided.',
  'line.combo': 'A combo changes as a whole.',
  'line.combo_part': 'A part of a combo cannot change on its own.',
  'product.not_found': 'The dish is not on the menu.',
  'menu.out_of_stock': 'The dish has run out.',
  'menu.unavailable': 'The dish is not available now.',
  'combo.outside_hours': 'The combo is not available at this time.',
  'ticket.not_found': 'Kitchen ticket not found.',
  'ticket.illegal_transition': 'The ticket has already moved on.',
  'ticket.version_conflict': 'The ticket was just changed on another screen.',
  'payment.not_found': 'Payment not found.',
  'payment.already_captured': 'The payment is already taken.',
  'payment.exceeds_due': 'The amount is more than is left to pay.',
  'payment.exceeds_held': 'The amount is more than the card hold.',
  'payment.exceeds_refundable': 'The amount is more than can be refunded.',
  'payment.exceeds_requested': 'The amount is more than was requested.',
  'payment.hold_exceeds_payment': 'The hold is larger than the payment.',
  'payment.invalid_transition': 'The payment has already moved on.',
  'payment.nothing_due': 'Nothing is left to pay on this order.',
  'payment.tip_over_tolerance': 'The tip is over the venue’s limit.',
  'payment.tips_too_large': 'The tip is too large.',
  'shift.not_found': 'Shift not found.',
  'shift.not_open': 'No cash shift is open.',
  'shift.already_open': 'A shift is already open.',
  'shift.closed': 'The shift is already closed.',
  'shift.cash_short': 'The drawer does not hold that much cash: the paid-out is more than it should have.',
  'till.busy': 'A shift is already open on this till.',
  'till.name_taken': 'A till with this name already exists.',
  'customer.not_found': 'Guest not found.',
  'customer.phone_taken': 'A guest with this phone number already exists.',
  'customer.qr_malformed': 'This is not a guest code of this venue.',
  'customer.qr_expired': 'The guest code has expired: ask the guest to show the app again.',
  'customer.qr_forged': 'The guest code is not signed by this venue.',
  'customer.card_revoked': 'This guest card has been revoked.',
  'loyalty.customer_locked': "Points were already earned or spent on this order by its guest: the guest can't be removed or replaced.",
  'loyalty.no_customer': 'Attach a guest to the order first.',
  'loyalty.insufficient_points': 'The guest does not have enough points.',
  'card.not_found': 'Guest card not found.',
  'till.not_found': 'Till not found.',
  'shift.not_yours': 'This is not your shift.',
  'dashboard.not_your_shift': "A cashier sees the figures of their own shift; another's needs a supervisor.",
  'dashboard.day_forbidden': "The whole day's figures are for a supervisor; a cashier sees their shift.",
  'shift.open_checks': 'Some checks are still open — close them before the shift.',
  'shift_report.not_yours': "A cashier sees their own shifts' reports. Other shifts' reports are for a supervisor.",
  'reservation.not_found': 'Booking not found.',
  'reservation.not_due': 'The booking is not due yet.',
  'reservation.too_early': 'It is too early for this booking.',
  'reservation.version_conflict': 'The booking was just changed on another tablet.',
  'reservation.conflict': 'The table is already booked for that time.',
  'reservation.illegal_transition': 'The booking has already moved on.',
  'staff.not_found': 'Staff member not found.',
  'staff.last_admin': 'The last administrator cannot be removed.',
  'staff.pin_taken': 'This PIN is already used by another staff member.',
  'venue.not_found': 'Venue not found.',
  'remote.not_found': 'Module not found.',
  'remote.manifest_invalid': 'The module’s manifest is not valid.',
  'remote.entry_outside_folder': 'The module’s file is outside its folder.',
  'remote.build_not_found': 'The module’s build is not on the server.',
  'idempotency.in_flight': 'The request is still running — wait a moment.',
  'idempotency.key_reused': 'A repeated request with different data was refused.',
  validation: 'Check what you entered.',
  rate_limited: 'Too many requests — wait a moment.',
  invalid_json: 'The server did not understand the request.',
  bad_request: 'The server did not understand the request.',
  invalid_url: 'The server did not understand the request.',
  'route.not_found': 'The server does not know this action. Update the app.',
  method_not_allowed: 'The server does not know this action. Update the app.',
  not_implemented: 'The server does not know this action. Update the app.',
  not_acceptable: 'The server did not understand the request.',
  length_required: 'The server did not understand the request.',
  payload_too_large: 'Too much data in one request.',
  uri_too_long: 'Too much data in one request.',
  header_fields_too_large: 'Too much data in one request.',
  unsupported_media_type: 'The server did not understand the request.',
  request_timeout: 'The request took too long. Try again.',
  unavailable: 'The server is unavailable for now. Try again later.',
  internal: 'Something went wrong on the server. Try again or call a manager.',
  network: 'No connection to the server.',
  http: 'The server answered with an error. Try again.',
  unknown: 'That did not work. Try again or call a manager.',
  fields: 'Check the fields: {{fields}}.',
  // Promotions
  'promotion.not_found': 'Promotion not found.',
  'promotion.not_manual': 'This promotion applies by itself; it cannot be added by hand.',
  'promotion.not_applicable': 'The promotion gives nothing on this order: its items, amount, time or limit are not met.',
  'promotion.version_conflict': 'Someone else just changed this promotion. Reload and try again.',
  'promotion.too_many': 'Too many promotions: delete old ones.',
  // Integrations: delivery partners, webhooks, the delivery log
  'integration.not_found': 'Delivery partner not found.',
  'integration.version_conflict': "Someone else just changed this partner's settings. Reload and try again.",
  'webhook_endpoint.not_found': 'Webhook endpoint not found.',
  'webhook_endpoint.version_conflict': 'Someone else just changed this webhook endpoint. Reload and try again.',
  'webhook.signature_invalid': 'The webhook signature does not match.',
  'webhook.timestamp_out_of_tolerance': 'The webhook time is more than 5 minutes from now.',
  'webhook.headers_missing': 'The webhook has no signature headers.',
  'webhook.replayed': 'This webhook was taken before.',
  'delivery.cancelled': 'The partner already cancelled this order.',
  'delivery.already_picked_up': 'The courier has the order: it cannot be cancelled now.',
  'outbox.message_not_found': 'Message not found.',
  'outbox.message_pending': 'The message is still being delivered: it can be sent again once delivered or dead.',
  // Gift cards
  'giftcard.not_found': 'Gift card not found.',
  'giftcard.not_active': 'The gift card is not active: it is not paid for yet or was cancelled.',
  'giftcard.blocked': 'The gift card is blocked.',
  'giftcard.expired': 'The gift card has expired.',
  'giftcard.insufficient_balance': 'Not enough left on the gift card.',
  'giftcard.invalid_transition': 'The gift card has already moved on.',
  'giftcard.redeem_missing': 'This payment took nothing from a gift card.',
  'giftcard.restore_exceeds_redeem': 'More cannot go back on the card than was taken from it.',
  'giftcard.sale_refund_spent': 'The gift card sold has been spent already, so this refund is not possible.',
  'line.charge': 'This line cannot be changed, only voided.',
  'menu.not_set_up': 'The venue’s menu has no categories or stations yet.',
  // The menu in Admin
  'menu.code_taken': 'A dish with this code is already on the menu.',
  'menu.category_not_empty': 'The category still has dishes: move or remove them first.',
  'category.not_found': 'Menu category not found.',
  // Guest notifications and the outbox
  'notification.not_found': 'Notification not found.',
  'notification.no_consent': 'The guest has not agreed to messages on this channel.',
  'notification.no_address': 'The guest has no address for this channel (phone or email).',
  'notification.not_dead': 'Only a notification whose delivery has stopped can be sent again.',
  // BI export
  'analytics_export.not_found': 'Export not found.',
  'analytics_export_file.not_found': 'This export has no such dataset.',
  'analytics_export.not_ready': 'The export is not ready yet: its files appear once it is done.',
  'analytics_export.too_many': 'Too many exports are waiting. Wait for one of them to finish.',
};

export const PROBLEMS_NAMESPACE = 'problems';
export const problems = { ru, en };

interface ProblemLike {
  code?: unknown;
  status?: unknown;
  problem?: { code?: unknown; errors?: { path: string; message: string }[] };
}

/** The problem `code` of a failed call (an `ApiError`, or anything carrying one); null for other errors. */
export function problemCode(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as ProblemLike;
  const code = typeof e.code === 'string' ? e.code : typeof e.problem?.code === 'string' ? e.problem.code : null;
  if (code) return code;
  return e.status === 0 ? 'network' : null;
}

/** A validation problem's failing fields, by path without the `body.` prefix, for forms to mark. */
export function problemFields(error: unknown): Record<string, string> {
  const errors = error && typeof error === 'object' ? (error as ProblemLike).problem?.errors : undefined;
  const fields: Record<string, string> = {};
  for (const e of errors ?? []) fields[e.path.replace(/^(body|query|params)\./, '')] = e.message;
  return fields;
}

/**
 * The sentence staff read for a failed call, in the UI's language: the text of its problem code,
 * a generic sentence for a code without one (or an error that is no API problem) — never the
 * server's English title. Validation names its fields.
 */
export function problemText(t: TFunction | ((key: string, options?: Record<string, unknown>) => string), error: unknown): string {
  const translate = t as (key: string, options?: Record<string, unknown>) => string;
  const say = (key: string, options: Record<string, unknown> = {}) => translate(key, { ns: PROBLEMS_NAMESPACE, keySeparator: false, nsSeparator: false, ...options });
  const code = problemCode(error);
  if (code === 'validation') {
    const paths = Object.keys(problemFields(error));
    return paths.length > 0 ? `${say('validation')} ${say('fields', { fields: paths.join(', ') })}` : say('validation');
  }
  if (code && code in ru) return say(code);
  return say('unknown');
}
