import type { Till } from '@pos/contracts';
import { ApiError } from '@pos/plugin-sdk';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeTillsApi, renderWithHost } from '../../testing/fake-host';
import { TillsSection } from './tills-section';

const KASSA_1 = '0190a000-0000-7000-8000-0000000000e1';
const BAR = '0190a000-0000-7000-8000-0000000000e2';
const OLD = '0190a000-0000-7000-8000-0000000000e3';
const KASSA_10 = '0190a000-0000-7000-8000-0000000000e4';
const NEW = '0190a000-0000-7000-8000-0000000000e5';

const venueTills = (): Till[] => [
  { id: OLD, name: 'Старая', archived: true, openShift: null },
  { id: KASSA_10, name: 'Касса 10', archived: false, openShift: null },
  { id: BAR, name: 'Бар', archived: false, openShift: { id: '0190a000-0000-7000-8000-0000000000f1', cashierId: '0190a000-0000-7000-8000-0000000000f2', cashierName: 'Вера', openedAt: '2025-03-05T06:15:00Z' } },
  { id: KASSA_1, name: 'Касса 1', archived: false, openShift: null },
];

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => new ApiError(status, { type: 'about:blank', title: 'Refused', status, code, ...extra });

/** A small fake of the till routes, keeping the venue's tills between calls. */
function setup(tills = venueTills()) {
  const server = { tills };
  const get = jest.fn(async (path: string) => {
    if (path === '/admin/tills') return { tills: server.tills.map((t) => ({ ...t })) };
    throw new Error(`unexpected GET ${path}`);
  });
  const post = jest.fn(async (path: string, body?: unknown): Promise<unknown> => {
    if (path !== '/admin/tills') throw new Error(`unexpected POST ${path}`);
    const { name } = body as { name: string };
    if (server.tills.some((t) => t.name === name)) throw problem(409, 'till.name_taken');
    const till = { id: NEW, name, archived: false, openShift: null };
    server.tills.push(till);
    return { ...till };
  });
  const patch = jest.fn(async (path: string, body?: unknown): Promise<unknown> => {
    const till = server.tills.find((t) => path === `/admin/tills/${t.id}`);
    if (!till) throw new Error(`unexpected PATCH ${path}`);
    const changes = body as { name?: string; archived?: boolean };
    if (changes.archived && till.openShift) throw problem(409, 'till.busy', { cashierName: till.openShift.cashierName });
    Object.assign(till, changes.name !== undefined ? { name: changes.name } : {}, changes.archived !== undefined ? { archived: changes.archived } : {});
    return { ...till };
  });
  const rendered = renderWithHost(<TillsSection />, { api: fakeTillsApi({ get, post, patch }) });
  return { server, get, post, patch, ...rendered };
}

const row = (id: string) => screen.getByTestId(`till-${id}`);
const names = () => screen.getAllByTestId(/^till-0190/).map((r) => within(r).getAllByRole('cell')[0].textContent);

describe('TillsSection', () => {
  it("lists the tills in use by name as people count, archived last, with whose shift is open since when (venue's time zone)", async () => {
    setup();
    await screen.findAllByTestId(/^till-0190/);
    expect(names()).toEqual(['БарРаботает', 'Касса 1Работает', 'Касса 10Работает', 'СтараяВ архиве']);
    // Moscow is UTC+3.
    expect(screen.getByTestId(`till-shift-${BAR}`)).toHaveTextContent('Верас 5 мар., 09:15');
    expect(screen.getByTestId(`till-shift-${KASSA_1}`)).toHaveTextContent('не открыта');
    expect(within(row(OLD)).getByRole('button', { name: 'Вернуть' })).toBeInTheDocument();
    expect(within(row(KASSA_1)).getByRole('button', { name: 'В архив' })).toBeInTheDocument();
  });

  it('says what tills are for when the venue has none', async () => {
    setup([]);
    expect(await screen.findByText(/Касс пока нет/)).toBeInTheDocument();
  });

  it('adds a till with one request id per dialog, and says at the field when the name is taken', async () => {
    const { post, host } = setup();
    fireEvent.click(await screen.findByTestId('tills-add'));
    fireEvent.change(screen.getByTestId('till-name'), { target: { value: '  Бар ' } });
    fireEvent.click(screen.getByTestId('till-submit'));
    expect(await screen.findByText('Касса «Бар» уже есть — выберите другое название.')).toBeInTheDocument();
    expect(screen.getByTestId('till-name')).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(screen.getByTestId('till-name'), { target: { value: 'Терраса' } });
    expect(screen.getByTestId('till-name')).not.toHaveAttribute('aria-invalid');
    fireEvent.click(screen.getByTestId('till-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(post).toHaveBeenCalledTimes(2);
    const [first, second] = post.mock.calls.map((c) => c[1] as { name: string; clientRequestId: string });
    expect(first.name).toBe('Бар');
    expect(second.name).toBe('Терраса');
    expect(second.clientRequestId).toMatch(/\S{8,}/);
    expect(second.clientRequestId).toBe(first.clientRequestId);
    expect(host.notify).toHaveBeenCalledWith('success', 'Касса «Терраса» добавлена');
    expect(await screen.findByTestId(`till-${NEW}`)).toHaveTextContent('Терраса');
  });

  it('asks for a name before sending anything', async () => {
    const { post } = setup();
    fireEvent.click(await screen.findByTestId('tills-add'));
    fireEvent.click(screen.getByTestId('till-submit'));
    expect(await screen.findByText('Введите название')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
  });

  it('renames a till', async () => {
    const { patch } = setup();
    await screen.findAllByTestId(/^till-0190/);
    fireEvent.click(screen.getByTestId(`till-rename-${KASSA_1}`));
    expect(screen.getByRole('dialog')).toHaveTextContent('Переименовать кассу «Касса 1»');
    expect(screen.getByTestId('till-name')).toHaveValue('Касса 1');
    fireEvent.change(screen.getByTestId('till-name'), { target: { value: 'Зал' } });
    fireEvent.click(screen.getByTestId('till-submit'));
    await waitFor(() => expect(patch).toHaveBeenCalledWith(`/admin/tills/${KASSA_1}`, expect.objectContaining({ name: 'Зал' })));
    await waitFor(() => expect(row(KASSA_1)).toHaveTextContent('Зал'));
  });

  it('archives and restores a till', async () => {
    const { patch, host } = setup();
    await screen.findAllByTestId(/^till-0190/);
    fireEvent.click(screen.getByTestId(`till-archive-${KASSA_1}`));
    await waitFor(() => expect(row(KASSA_1)).toHaveTextContent('В архиве'));
    expect(patch).toHaveBeenCalledWith(`/admin/tills/${KASSA_1}`, expect.objectContaining({ archived: true }));
    expect(host.notify).toHaveBeenCalledWith('success', 'Касса «Касса 1» убрана в архив');

    fireEvent.click(screen.getByTestId(`till-unarchive-${KASSA_1}`));
    await waitFor(() => expect(row(KASSA_1)).toHaveTextContent('Работает'));
    expect(patch).toHaveBeenLastCalledWith(`/admin/tills/${KASSA_1}`, expect.objectContaining({ archived: false }));
  });

  it('says whose open shift keeps a till from the archive', async () => {
    setup();
    await screen.findAllByTestId(/^till-0190/);
    fireEvent.click(screen.getByTestId(`till-archive-${BAR}`));
    expect(await screen.findByTestId('tills-refusal')).toHaveTextContent('На кассе «Бар» открыта смена (Вера): сначала её нужно закрыть.');
    expect(row(BAR)).toHaveTextContent('Работает');
  });
});
