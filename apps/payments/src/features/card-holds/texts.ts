/** Card holds on the shift screen ('payments' namespace, under `shiftHolds`). */
export const cardHoldsTexts = {
  ru: {
    expired: {
      title: 'Просроченные блокировки по картам: {{count}}',
      policy: {
        capture: 'При закрытии последней смены дня они будут списаны с карт гостей.',
        release: 'При закрытии последней смены дня они будут освобождены — деньги вернутся на карты гостей.',
      },
      expiredAt: 'срок истёк {{time}}',
      number: 'Чек №{{number}}',
    },
    settled: {
      title: 'Просроченные блокировки закрыты',
      text: 'Это была последняя смена дня: блокировки с истёкшим сроком обработаны по правилам заведения.',
      captured: 'Списано ({{count}})',
      released: 'Освобождено ({{count}})',
      outcome: { captured: 'Списано', released: 'Освобождено' },
    },
  },
  en: {
    expired: {
      title: 'Expired card holds: {{count}}',
      policy: {
        capture: "When the day's last shift closes they will be captured from the guests' cards.",
        release: "When the day's last shift closes they will be released — the money goes back to the guests' cards.",
      },
      expiredAt: 'expired {{time}}',
      number: 'Check #{{number}}',
    },
    settled: {
      title: 'Expired holds settled',
      text: "This was the day's last shift: holds past their expiry were settled by the venue's policy.",
      captured: 'Captured ({{count}})',
      released: 'Released ({{count}})',
      outcome: { captured: 'Captured', released: 'Released' },
    },
  },
};
