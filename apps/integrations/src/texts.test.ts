import { integrationsTexts } from './texts';

/** Every key path of a texts tree, plural forms folded into their base key. */
function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value) ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

describe('integrations texts', () => {
  it('say the same things in Russian and English', () => {
    expect([...new Set(keys(integrationsTexts.en))].sort()).toEqual([...new Set(keys(integrationsTexts.ru))].sort());
  });

  it('name the floor mode and the Admin page in both languages', () => {
    expect(integrationsTexts.ru).toMatchObject({ mode: 'Доставка', admin: { nav: 'Интеграции' } });
    expect(integrationsTexts.en).toMatchObject({ mode: 'Delivery', admin: { nav: 'Integrations' } });
  });
});
