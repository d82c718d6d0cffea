import { HostProvider } from '@pos/plugin-sdk';
import { render, screen } from '@testing-library/react';
import { LOYALTY_ADMIN_PAGES, LoyaltyAdminPages } from './admin-pages';
import { testHost } from './testing/fixtures';
import { loyaltyAdminTexts } from './texts';

const host = testHost({
  api: {
    adminCustomers: jest.fn(async () => ({ customers: [], next: null })),
    loyaltySettings: jest.fn(async () => ({ earnPercent: 5, pointValue: 100, giftCardExpiryDays: 365 })),
  },
});

const renderAt = (path: string) =>
  render(
    <HostProvider host={host}>
      <LoyaltyAdminPages host={host} context={{ path }} />
    </HostProvider>,
  );

describe('the loyalty remote’s Admin pages', () => {
  it.each([
    ['/x/admin/customers', 'customers-page'],
    ['/x/admin/loyalty', 'loyalty-settings-page'],
    ['/x/admin/giftcards/', 'giftcards-page'],
    ['/x/admin', 'customers-page'],
    ['/x/admin/unknown', 'customers-page'],
  ])('renders the page %p names', async (path, testId) => {
    renderAt(path);
    expect(await screen.findByTestId(testId)).toBeInTheDocument();
  });

  it('declares every page with a title in both languages', () => {
    const lookup = (texts: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
    for (const page of LOYALTY_ADMIN_PAGES) {
      expect(lookup(loyaltyAdminTexts.ru, page.title)).toEqual(expect.any(String));
      expect(lookup(loyaltyAdminTexts.en, page.title)).toEqual(expect.any(String));
    }
    expect(LOYALTY_ADMIN_PAGES.map((p) => p.id)).toEqual(['customers', 'loyalty', 'giftcards']);
  });

  it('has the same keys in Russian and English', () => {
    const keys = (node: unknown, prefix = ''): string[] =>
      typeof node === 'object' && node !== null ? Object.entries(node).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];
    // Russian has more plural forms than English (one / few / many / other against one / other).
    const base = (key: string) => key.replace(/_(one|few|many|other)$/, '');
    expect(new Set(keys(loyaltyAdminTexts.ru).map(base))).toEqual(new Set(keys(loyaltyAdminTexts.en).map(base)));
  });
});
