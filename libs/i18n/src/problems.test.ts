import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n } from './i18n';
import { problemFields, problems, problemText } from './problems';

const API_SRC = join(__dirname, '../../../apps/api/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Every problem code the API can answer with, read from its source as it stands. */
function apiProblemCodes(): Set<string> {
  const codes = new Set<string>(['validation', 'rate_limited', 'invalid_json', 'route.not_found', 'internal', 'network', 'http']);
  const patterns: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/\b(?:conflict|forbidden|unprocessable)\(\s*'([a-z_.]+)'/g, (m) => m[1]],
    [/new DomainError\(\s*\d+,\s*'([a-z_.]+)'/g, (m) => m[1]],
    [/\bnotFound\(\s*'([a-z_]+)'/g, (m) => `${m[1]}.not_found`],
    [/\brefused\([^;]*?'([a-z_]+\.[a-z_.]+)'\)/g, (m) => m[1]],
    [/\binvalid\([^;]*?,\s*'([a-z_]+(?:\.[a-z_]+)*)'\)/g, (m) => m[1]],
    [/sendProblem\(\s*reply,\s*\d+,\s*'([a-z_.]+)'/g, (m) => m[1]],
    [/\bcode: '([a-z_]+)'/g, (m) => m[1]],
  ];
  for (const file of sourceFiles(API_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const [pattern, code] of patterns) {
      // Seed data names its dishes with `code:` too; the framework's own codes live in plugins.
      if (pattern.source.startsWith('\\bcode') && !file.includes('/plugins/')) continue;
      for (const m of text.matchAll(pattern)) codes.add(code(m));
    }
    // The framework's codes by status ("429: 'rate_limited'") and by name.
    if (file.endsWith('/plugins/problem.ts')) {
      for (const m of text.matchAll(/^\s+\d{3}: '([a-z_]+)',?$/gm)) codes.add(m[1]);
      for (const m of text.matchAll(/'([a-z_]+)'/g)) if (/^[a-z]+(_[a-z]+)+$|^internal$|^unavailable$/.test(m[1]) && !m[1].startsWith('x_')) codes.add(m[1]);
    }
  }
  return codes;
}

describe('problem texts', () => {
  const codes = [...apiProblemCodes()].sort();

  it('finds the codes the API uses (the scan itself works)', () => {
    expect(codes).toEqual(expect.arrayContaining(['table.not_open', 'order.version_conflict', 'auth.invalid_pin', 'table.not_found', 'remote.manifest_invalid', 'route.not_found', 'payload_too_large']));
    expect(codes.length).toBeGreaterThan(60);
  });

  it('has a Russian and an English sentence for every code the API answers with', () => {
    const missing = codes.filter((code) => !problems.ru[code] || !problems.en[code]);
    expect(missing).toEqual([]);
  });

  it('has the same codes in both languages', () => {
    expect(Object.keys(problems.en).sort()).toEqual(Object.keys(problems.ru).sort());
  });

  it('speaks the UI language, never the English title', () => {
    const error = { status: 409, code: 'table.not_open', problem: { code: 'table.not_open', title: 'The table is not open' }, message: 'The table is not open' };
    const ru = createI18n('ru');
    expect(problemText(ru.t, error)).toBe('Стол уже закрыт.');
    const en = createI18n('en');
    expect(problemText(en.t, error)).toBe('The table is already closed.');
    // A namespaced t from useTranslation('order') still finds the problems namespace.
    expect(problemText(ru.getFixedT('ru', 'order'), error)).toBe('Стол уже закрыт.');
  });

  it('gives a generic localised sentence for an unknown code or a non-API error', () => {
    const ru = createI18n('ru');
    const unknown = { status: 409, code: 'brand.new_rule', problem: { code: 'brand.new_rule', title: 'Something in English' } };
    expect(problemText(ru.t, unknown)).toBe(problems.ru.unknown);
    expect(problemText(ru.t, new Error('boom'))).toBe(problems.ru.unknown);
    expect(problemText(createI18n('en').t, 'x')).toBe(problems.en.unknown);
  });

  it('names a lost connection (status 0)', () => {
    expect(problemText(createI18n('ru').t, { status: 0, problem: {} })).toBe('Нет связи с сервером.');
  });

  it('keeps the field paths of a validation problem for forms', () => {
    const error = { status: 400, code: 'validation', problem: { code: 'validation', errors: [{ path: 'body.items.0.quantity', message: 'Too small' }] } };
    expect(problemFields(error)).toEqual({ 'items.0.quantity': 'Too small' });
    expect(problemText(createI18n('ru').t, error)).toBe('Проверьте введённые данные. Проверьте поля: items.0.quantity.');
  });
});
