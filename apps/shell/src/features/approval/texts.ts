/** Texts of the supervisor's approval dialog (namespace 'approval'), Russian and English. */
export const approvalTexts = {
  ru: {
    title: 'Подтверждение старшего',
    what: {
      'orders.void': 'Отмена блюда, которое уже готовит кухня',
      'payments.refund': 'Возврат денег гостю',
      'shifts.close.override': 'Закрытие смены с открытыми счетами',
    },
    requester: 'Просит: {{name}}',
    hint: 'Только для этого действия; в журнале будут оба имени.',
    offline: 'Нет связи с сервером: подтверждение старшего проверяет сервер. Повторите, когда связь вернётся.',
    checking: 'Проверяем PIN…',
    wrongPin: 'Неверный PIN-код старшего. Осталось попыток: {{count}}',
    submit: 'Подтвердить',
  },
  en: {
    title: 'Supervisor approval',
    what: {
      'orders.void': 'Void a dish the kitchen already has',
      'payments.refund': 'Refund a guest',
      'shifts.close.override': 'Close a shift with open checks',
    },
    requester: 'Asked by {{name}}',
    hint: 'For this action only; the log names you both.',
    offline: 'No connection to the server: a supervisor’s approval is checked by the server. Try again when the connection is back.',
    checking: 'Checking the PIN…',
    wrongPin: 'Wrong supervisor PIN. Attempts left: {{count}}',
    submit: 'Approve',
  },
};
