import { loyaltyTexts } from './texts';

/** Every key path of a texts tree, plural forms folded into their base key. */
function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

describe('loyalty texts', () => {
  it('say the same things in Russian and English', () => {
    expect([...new Set(keys(loyaltyTexts.en))].sort()).toEqual([...new Set(keys(loyaltyTexts.ru))].sort());
  });

  it('have every Russian plural form a count needs', () => {
    const ru = loyaltyTexts.ru as Record<string, unknown>;
    for (const base of ['points']) for (const form of ['one', 'few', 'many']) expect(ru[`${base}_${form}`]).toEqual(expect.any(String));
    const panel = loyaltyTexts.ru.panel as Record<string, unknown>;
    for (const form of ['one', 'few', 'many']) expect(panel[`visits_${form}`]).toEqual(expect.any(String));
  });
});
