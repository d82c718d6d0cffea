/** Texts of the floor screen (namespace 'floor'), Russian and English. */
export const floorTexts = {
  ru: {},
  en: {},
};
