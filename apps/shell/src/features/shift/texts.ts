/** Texts of the shift screen (namespace 'shift'), Russian and English. */
export const shiftTexts = {
  ru: {},
  en: {},
};
