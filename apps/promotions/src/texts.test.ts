import { promotionsTexts } from './texts';

/** Every key path of a texts tree, plural forms folded into their base key. */
function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value) ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

describe('promotions texts', () => {
  it('say the same things in Russian and English', () => {
    expect([...new Set(keys(promotionsTexts.en))].sort()).toEqual([...new Set(keys(promotionsTexts.ru))].sort());
  });

  it('have every Russian plural form a count needs, and seven weekdays in each language', () => {
    for (const form of ['one', 'few', 'many']) expect((promotionsTexts.ru.hint as Record<string, unknown>)[`free_${form}`]).toEqual(expect.any(String));
    expect(promotionsTexts.ru.summary.days).toHaveLength(7);
    expect(promotionsTexts.en.summary.days).toHaveLength(7);
  });
});
