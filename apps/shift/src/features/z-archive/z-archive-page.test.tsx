import type { ZReportSummary } from '@pos/contracts';
import { type HostApi, HostProvider } from '@pos/plugin-sdk';
import { render, screen, within } from '@testing-library/react';
import { SHIFT_ID, testHost } from '../../testing/fixtures';
import { ZArchivePage } from './z-archive-page';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const aZ = (over: Partial<ZReportSummary> = {}): ZReportSummary => ({
  number: 12,
  shiftId: SHIFT_ID,
  cashierName: 'Вера',
  tillName: 'Касса 1',
  openedAt: '2026-12-07T08:00:00.000Z',
  closedAt: '2026-12-07T20:00:00.000Z',
  issuedAt: '2026-12-07T20:00:00.000Z',
  currency: 'RUB',
  netRevenue: 1_234_500,
  cashDifference: -700,
  closeMode: 'blind',
  prints: 1,
  ...over,
});

function renderPage(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <ZArchivePage host={host} />
    </HostProvider>,
  );
}

describe('ZArchivePage', () => {
  it('lists the Z archive with its figures; a printed Z reprints as a copy', async () => {
    renderPage(testHost({ api: { zReports: async () => ({ items: [aZ(), aZ({ number: 11, prints: 0, cashDifference: null, closeMode: 'auto' })], nextCursor: null }), verifyZReports: async () => ({ ok: true, checked: 12, brokenAt: null }) } }));
    const rows = await screen.findAllByTestId('z-archive-row');
    expect(plain(rows[0].textContent)).toContain('№ 0012');
    expect(plain(within(rows[0]).getByTestId('z-archive-net').textContent)).toBe('12 345,00 ₽');
    expect(plain(rows[0].textContent)).toMatch(/[-−]7,00 ₽/);
    expect(within(rows[0]).getByTestId('z-archive-reprint')).toHaveTextContent('PDF (копия)');
    expect(within(rows[1]).getByTestId('z-archive-reprint')).toHaveTextContent('PDF');
    expect(rows[1]).toHaveTextContent('авто, без пересчёта');
    expect(await screen.findByTestId('z-chain-check')).toHaveTextContent('Цепочка Z-отчётов цела: проверено 12.');
  });

  it('says where the chain breaks', async () => {
    renderPage(testHost({ api: { zReports: async () => ({ items: [aZ()], nextCursor: null }), verifyZReports: async () => ({ ok: false, checked: 4, brokenAt: 5 }) } }));
    expect(await screen.findByTestId('z-chain-check')).toHaveTextContent('Цепочка Z-отчётов нарушена с № 0005');
  });
});
