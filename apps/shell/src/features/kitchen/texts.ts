/** Texts of the kitchen screen (namespace 'kitchen'), Russian and English. */
export const kitchenTexts = {
  ru: {},
  en: {},
};
