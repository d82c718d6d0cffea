import plugin from './plugin';

describe('the integrations plugin', () => {
  it('is the integrations feature on host API 1.4, filling a floor mode and Admin', () => {
    expect(plugin).toMatchObject({ id: 'integrations', feature: 'integrations', shellApi: '^1.4', floorMode: { title: 'mode' } });
    expect(Object.keys(plugin.slots ?? {}).sort()).toEqual(['admin.pages', 'floor.mode']);
  });

  it('declares its Admin page for admin.integrations', () => {
    expect(plugin.adminPages).toEqual([{ id: 'integrations', title: 'admin.nav', permission: 'admin.integrations' }]);
    expect(plugin.adminPage).toEqual(plugin.adminPages?.[0]);
  });
});
