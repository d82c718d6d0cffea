/** The admin remote's namespace ('admin'). */
export const adminTexts = {
  ru: { nav: 'Администрирование', title: 'Администрирование', version: 'версия {{version}}' },
  en: { nav: 'Admin', title: 'Administration', version: 'version {{version}}' },
};
