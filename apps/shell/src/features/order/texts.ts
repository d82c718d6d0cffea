/** Texts of the order screen (namespace 'order'), Russian and English. */
export const orderTexts = {
  ru: {},
  en: {},
};
