/** Admin's texts of the loyalty remote (under `admin` in its namespace), Russian and English. */
export const loyaltyAdminTexts = {
  ru: {
    admin: {
      customers: { nav: 'Гости' },
      settings: { nav: 'Программа лояльности' },
      giftcards: { nav: 'Подарочные карты' },
    },
  },
  en: {
    admin: {
      customers: { nav: 'Guests' },
      settings: { nav: 'Loyalty programme' },
      giftcards: { nav: 'Gift cards' },
    },
  },
};
