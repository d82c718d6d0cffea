import { csvField, csvLine } from './format';

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks (RFC 4180), Cyrillic as it is', () => {
    expect(csvField('Борщ, "домашний"\nс пампушкой')).toBe('"Борщ, ""домашний""\nс пампушкой"');
    expect(csvField('Пельмени')).toBe('Пельмени');
    expect(csvField(null)).toBe('');
    expect(csvLine([1, 'a', { x: 1 }])).toBe('1,a,"{""x"":1}"\r\n');
  });

  it('a text a spreadsheet would run as a formula gets an apostrophe; numbers stay numbers (regression: written as they were)', () => {
    expect(csvField('=HYPERLINK("http://evil.example","Борщ")')).toBe('"\'=HYPERLINK(""http://evil.example"",""Борщ"")"');
    expect(csvField('+79161234567')).toBe("'+79161234567");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-10% скидка')).toBe("'-10% скидка");
    expect(csvField(-5000)).toBe('-5000');
  });
});
