/** The PIN pad's texts (sign-in, enrolment, the language switch): in the first load. */
export const shellTexts = {
  ru: {
    appName: 'POS',
    login: { title: 'Вход по PIN-коду', venue: 'Заведение', wrongPin: 'Неверный PIN. Осталось попыток: {{count}}', locked: 'Слишком много попыток. Повторите через {{seconds}} с', failed: 'Не удалось войти: {{message}}', wrongPinOffline: 'Неверный PIN (проверено без сети)', offlineUnavailable: 'Нет сети, а этот планшет ещё не может проверять PIN без неё', submit: 'Войти', progress: 'Введено цифр: {{count}}', clear: 'Стереть всё', erase: 'Стереть', venueLocked: 'Слишком много неверных PIN в заведении: вход приостановлен на всех планшетах. Повторите через {{minutes}} мин', revoked: 'Этот планшет отключён от заведения. Подключите его заново кодом из «Админ → Устройства»' },
    enroll: { title: 'Подключение планшета', text: 'Планшет ещё не подключён к заведению. Администратор выдаёт одноразовый код в разделе «Админ → Устройства».', code: 'Код подключения', codeHint: '8 символов, например ABCD-2345', name: 'Название планшета', namePlaceholder: 'Например: Зал, Бар, Терраса 2', defaultName: 'Планшет', submit: 'Подключить', invalidCode: 'Код неверный, уже использован или истёк — попросите новый', failed: 'Не удалось подключить: {{message}}', offline: 'Нет сети: подключить планшет можно только онлайн' },
    header: { switchStaff: 'Сменить сотрудника', signOut: 'Выйти', language: 'EN' },
  },
  en: {
    appName: 'POS',
    login: { title: 'Sign in with your PIN', venue: 'Venue', wrongPin: 'Wrong PIN. Attempts left: {{count}}', locked: 'Too many attempts. Try again in {{seconds}} s', failed: 'Could not sign in: {{message}}', wrongPinOffline: 'Wrong PIN (checked offline)', offlineUnavailable: 'Offline, and this tablet cannot check PINs without the network yet', submit: 'Sign in', progress: 'Digits entered: {{count}}', clear: 'Clear', erase: 'Erase', venueLocked: 'Too many wrong PINs in this venue: sign-in is paused on every tablet. Try again in {{minutes}} min', revoked: 'This tablet was disconnected from the venue. Enroll it again with a code from Admin → Devices' },
    enroll: { title: 'Enroll this tablet', text: 'This tablet is not enrolled in the venue yet. An admin issues a one-time code under Admin → Devices.', code: 'Enrollment code', codeHint: '8 characters, e.g. ABCD-2345', name: 'Tablet name', namePlaceholder: 'E.g. Hall, Bar, Terrace 2', defaultName: 'Tablet', submit: 'Enroll', invalidCode: 'The code is wrong, used or expired — ask for a new one', failed: 'Could not enroll: {{message}}', offline: 'No network: a tablet can only be enrolled online' },
    header: { switchStaff: 'Switch staff', signOut: 'Sign out', language: 'RU' },
  },
};
