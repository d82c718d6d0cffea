/**
 * The signed-in frame's texts (navigation, roles, remotes, the outbox panel), in the `shell`
 * namespace beside the PIN pad's: they come with the frame's chunk, not in the first load.
 */
export const frameTexts = {
  ru: {
    nav: { floor: 'Зал', kitchen: 'Кухня', shift: 'Смена', orders: 'Заказы' },
    roles: { waiter: 'Официант', cashier: 'Кассир', supervisor: 'Старший смены', cook: 'Повар', admin: 'Администратор' },
    remotes: { unavailable: 'Функция недоступна: {{name}}', loading: 'Загрузка модуля…' },
    outbox: {
      attention: 'Требует внимания: {{count}}',
      title: 'Не отправлено: сервер отклонил',
      empty: 'Всё отправлено',
      open: 'Открыть заказ',
      drop: 'Отменить команду',
      kind: { createOrder: 'Новый заказ', addItems: 'Добавление блюд', updateLine: 'Изменение позиции', voidLine: 'Отмена позиции', updateOrder: 'Изменение заказа', sendOrder: 'Отправка на кухню', pay: 'Оплата наличными', openTable: 'Открытие стола', closeTable: 'Закрытие стола' },
      signOutTitle: 'Есть неотправленные команды',
      signOutText: 'На планшете {{count}} неотправленных команд. Они уйдут на сервер, когда появится сеть.',
      supervisorPin: 'Чтобы выйти сейчас, старший смены вводит свой PIN:',
      notSupervisor: 'Подтвердить может только старший смены или администратор',
    },
    notFound: 'Страница не найдена',
  },
  en: {
    nav: { floor: 'Floor', kitchen: 'Kitchen', shift: 'Shift', orders: 'Orders' },
    roles: { waiter: 'Waiter', cashier: 'Cashier', supervisor: 'Supervisor', cook: 'Cook', admin: 'Admin' },
    remotes: { unavailable: 'Feature unavailable: {{name}}', loading: 'Loading module…' },
    outbox: {
      attention: 'Needs attention: {{count}}',
      title: 'Not sent: refused by the server',
      empty: 'Everything was sent',
      open: 'Open order',
      drop: 'Drop command',
      kind: { createOrder: 'New order', addItems: 'Add dishes', updateLine: 'Change line', voidLine: 'Void line', updateOrder: 'Change order', sendOrder: 'Fire to kitchen', pay: 'Cash payment', openTable: 'Open table', closeTable: 'Close table' },
      signOutTitle: 'Unsent commands',
      signOutText: 'This tablet holds {{count}} unsent commands. They will go to the server when the network is back.',
      supervisorPin: 'To sign out now, a supervisor enters their PIN:',
      notSupervisor: 'Only a supervisor or an admin can confirm',
    },
    notFound: 'Page not found',
  },
};
