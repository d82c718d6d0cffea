/** Texts of the shell's frame: login, header, navigation, plugin host. */
export const shellTexts = {
  ru: {
    appName: 'POS',
    login: { title: 'Вход по PIN-коду', venue: 'Заведение', wrongPin: 'Неверный PIN. Осталось попыток: {{count}}', locked: 'Слишком много попыток. Повторите через {{seconds}} с', failed: 'Не удалось войти: {{message}}' },
    nav: { floor: 'Зал', kitchen: 'Кухня', shift: 'Смена', orders: 'Заказы' },
    header: { switchStaff: 'Сменить сотрудника', signOut: 'Выйти', language: 'EN' },
    roles: { waiter: 'Официант', cashier: 'Кассир', supervisor: 'Старший смены', cook: 'Повар', admin: 'Администратор' },
    remotes: { unavailable: 'Функция недоступна: {{name}}', loading: 'Загрузка модуля…' },
    notFound: 'Страница не найдена',
  },
  en: {
    appName: 'POS',
    login: { title: 'Sign in with your PIN', venue: 'Venue', wrongPin: 'Wrong PIN. Attempts left: {{count}}', locked: 'Too many attempts. Try again in {{seconds}} s', failed: 'Could not sign in: {{message}}' },
    nav: { floor: 'Floor', kitchen: 'Kitchen', shift: 'Shift', orders: 'Orders' },
    header: { switchStaff: 'Switch staff', signOut: 'Sign out', language: 'RU' },
    roles: { waiter: 'Waiter', cashier: 'Cashier', supervisor: 'Supervisor', cook: 'Cook', admin: 'Admin' },
    remotes: { unavailable: 'Feature unavailable: {{name}}', loading: 'Loading module…' },
    notFound: 'Page not found',
  },
};
