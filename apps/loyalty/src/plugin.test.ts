import plugin from './plugin';

describe('the loyalty plugin', () => {
  it('is the loyalty feature on host API 1.4, filling the order screen’s panel, the pay dialog and Admin', () => {
    expect(plugin).toMatchObject({ id: 'loyalty', feature: 'loyalty', shellApi: '^1.4' });
    expect(Object.keys(plugin.slots ?? {}).sort()).toEqual(['admin.pages', 'order.side-panel', 'payment.methods']);
  });

  it('declares Admin’s pages, the first also for a shell before 1.4, each titled in both languages', () => {
    expect(plugin.adminPages?.map((p) => p.id)).toEqual(['customers', 'loyalty', 'giftcards']);
    expect(plugin.adminPage).toEqual(plugin.adminPages?.[0]);
    const title = (language: 'ru' | 'en', key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], plugin.i18n?.[language]);
    for (const page of plugin.adminPages ?? []) {
      expect(typeof title('ru', page.title)).toBe('string');
      expect(typeof title('en', page.title)).toBe('string');
    }
  });

  it('carries the till’s texts and Admin’s in one namespace', () => {
    expect(plugin.i18n?.ru).toMatchObject({ panel: { title: 'Гость' }, admin: { customers: { nav: expect.any(String) } } });
    expect(plugin.i18n?.en).toMatchObject({ panel: { title: 'Guest' }, admin: { customers: { nav: expect.any(String) } } });
  });
});
