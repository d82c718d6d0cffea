import plugin from './plugin';

describe('the promotions plugin', () => {
  it('is the promotions feature on host API 1.4, filling the home screen, the bill’s totals and Admin', () => {
    expect(plugin).toMatchObject({ id: 'promotions', feature: 'promotions', shellApi: '^1.4' });
    expect(Object.keys(plugin.slots ?? {}).sort()).toEqual(['admin.pages', 'home.widgets', 'order.summary']);
  });

  it('declares its Admin page for admin.promotions, titled in both languages', () => {
    expect(plugin.adminPages).toEqual([{ id: 'promotions', title: 'admin.nav', permission: 'admin.promotions' }]);
    expect(plugin.adminPage).toEqual(plugin.adminPages?.[0]);
    expect(plugin.i18n?.ru).toMatchObject({ admin: { nav: 'Акции' }, widget: { title: 'Акции' } });
    expect(plugin.i18n?.en).toMatchObject({ admin: { nav: 'Promotions' }, widget: { title: 'Promotions' } });
  });
});
