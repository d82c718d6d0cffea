import { mergeTexts } from './merge-texts';

describe('mergeTexts', () => {
  it('merges parts deeply per language, the later part winning on a clash', () => {
    const merged = mergeTexts(
      { ru: { panel: { title: 'Гость', find: 'Найти' }, a: 'x' }, en: { panel: { title: 'Guest' } } },
      { ru: { panel: { find: 'Искать' }, admin: { nav: 'Гости' } }, en: { admin: { nav: 'Guests' } } },
    );
    expect(merged).toEqual({
      ru: { panel: { title: 'Гость', find: 'Искать' }, a: 'x', admin: { nav: 'Гости' } },
      en: { panel: { title: 'Guest' }, admin: { nav: 'Guests' } },
    });
  });

  it('leaves its inputs as they were', () => {
    const first = { ru: { panel: { title: 'Гость' } }, en: {} };
    mergeTexts(first, { ru: { panel: { title: 'Клиент' } }, en: {} });
    expect(first.ru.panel.title).toBe('Гость');
  });
});
