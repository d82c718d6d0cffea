import type { Device, EnrollmentCodeResult } from '@pos/contracts';
import { ApiError } from '@pos/plugin-sdk';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeDevicesApi, fakeTillsApi, renderWithHost } from '../../testing/fake-host';
import { DevicesSection } from './devices-section';
import { ENROLL_POLL_MS, formatRemaining } from './enroll-dialog';

const BAR = '0190a000-0000-7000-8000-0000000000d1';
const HALL = '0190a000-0000-7000-8000-0000000000d2';
const OLD = '0190a000-0000-7000-8000-0000000000d3';
const TERRACE = '0190a000-0000-7000-8000-0000000000d4';

const tablets = (): Device[] => [
  { id: OLD, name: 'Старый', enrolledAt: '2025-01-05T08:00:00Z', enrolledBy: 'Елена', lastSignInAt: '2025-02-01T18:45:00Z', revokedAt: '2025-02-10T07:15:00Z', tillId: null },
  { id: BAR, name: 'Бар', enrolledAt: '2025-03-01T09:30:00Z', enrolledBy: 'Елена', lastSignInAt: '2025-03-02T17:05:00Z', revokedAt: null, tillId: null },
  { id: HALL, name: 'Зал', enrolledAt: '2025-03-04T10:00:00Z', enrolledBy: null, lastSignInAt: null, revokedAt: null, tillId: null },
];

const CODE: EnrollmentCodeResult = { code: 'ABCD-2345', expiresAt: '2025-03-05T10:30:00Z', venue: 'demo' };

/** A small fake of the three routes, keeping the venue's devices between calls. */
function setup(devices = tablets()) {
  const server = { devices };
  const get = jest.fn(async (path: string) => {
    if (path === '/admin/devices') return { devices: server.devices.map((d) => ({ ...d })) };
    throw new Error(`unexpected GET ${path}`);
  });
  const post = jest.fn(async (path: string, _body?: unknown): Promise<unknown> => {
    if (path === '/admin/devices/enrollment-codes') return CODE;
    const revoke = /^\/admin\/devices\/([^/]+)\/revoke$/.exec(path);
    const device = revoke && server.devices.find((d) => d.id === revoke[1]);
    if (device) {
      device.revokedAt = '2025-03-05T12:00:00Z';
      return { ...device };
    }
    throw new Error(`unexpected POST ${path}`);
  });
  const rendered = renderWithHost(<DevicesSection />, { api: fakeDevicesApi({ get, post }) });
  return { server, get, post, ...rendered };
}

const row = (id: string) => screen.getByTestId(`device-${id}`);

describe('DevicesSection', () => {
  afterEach(() => jest.useRealTimers());

  it("lists the venue's tablets, active first and newest first, with dates in the venue's time zone", async () => {
    setup();
    const rows = await screen.findAllByTestId(/^device-0190/);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['ЗалАктивен', 'БарАктивен', expect.stringMatching(/^СтарыйОтозван/)]);

    // Moscow is UTC+3.
    expect(row(BAR)).toHaveTextContent('01.03.2025, 12:30');
    expect(row(BAR)).toHaveTextContent('кем: Елена');
    expect(row(BAR)).toHaveTextContent('02.03.2025, 20:05');
    expect(row(HALL)).toHaveTextContent('ещё не входили');
    expect(row(HALL)).not.toHaveTextContent('кем:');
    expect(row(OLD)).toHaveTextContent('Отозван 10.02.2025, 10:15');

    expect(within(row(BAR)).getByRole('button', { name: 'Отозвать' })).toBeEnabled();
    expect(within(row(OLD)).queryByRole('button', { name: 'Отозвать' })).not.toBeInTheDocument();
  });

  it('says when no tablet is enrolled yet', async () => {
    setup([]);
    expect(await screen.findByText(/Ни один планшет ещё не подключён/)).toBeInTheDocument();
  });

  it('issues a one-time code for the chosen time and shows it large with its expiry, the venue and the link', async () => {
    const { post } = setup();
    await screen.findAllByTestId(/^device-0190/);
    fireEvent.click(screen.getByTestId('devices-enroll'));
    const ttl = within(screen.getByTestId('enroll-ttl'));
    expect(ttl.getByRole('radio', { name: '15 минут' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(ttl.getByRole('radio', { name: '1 час' }));
    fireEvent.click(screen.getByTestId('enroll-issue'));

    expect(await screen.findByTestId('enroll-code')).toHaveTextContent('ABCD-2345');
    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith('/admin/devices/enrollment-codes', { ttlMinutes: 60 });
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Код показывается только один раз');
    expect(screen.getByTestId('enroll-expiry')).toHaveTextContent('Действует до 13:30 · осталось 1:00:00');
    expect(screen.getByTestId('enroll-venue')).toHaveTextContent('demo');
    expect(screen.getByTestId('enroll-link')).toHaveValue('http://localhost/?venue=demo&enroll=ABCD-2345');
  });

  it('copies the enrollment link', async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    setup();
    fireEvent.click(await screen.findByTestId('devices-enroll'));
    fireEvent.click(screen.getByTestId('enroll-issue'));
    fireEvent.click(await screen.findByTestId('enroll-copy'));
    await waitFor(() => expect(screen.getByTestId('enroll-copy')).toHaveTextContent('Скопировано'));
    expect(writeText).toHaveBeenCalledWith('http://localhost/?venue=demo&enroll=ABCD-2345');
  });

  it('polls the list while the code is shown, says when the tablet has enrolled, and counts down to expiry', async () => {
    jest.useFakeTimers();
    const { server, get } = setup();
    fireEvent.click(await screen.findByTestId('devices-enroll'));
    fireEvent.click(screen.getByTestId('enroll-issue'));
    await screen.findByTestId('enroll-code');
    expect(screen.getByTestId('enroll-expiry')).toHaveTextContent('осталось 15:00');
    const calls = get.mock.calls.length;

    server.devices.push({ id: TERRACE, name: 'Терраса', enrolledAt: '2025-03-05T10:20:00Z', enrolledBy: 'Елена', lastSignInAt: null, revokedAt: null, tillId: null });
    await act(async () => {
      jest.advanceTimersByTime(ENROLL_POLL_MS);
    });
    expect(await screen.findByText('Подключён планшет «Терраса»')).toBeInTheDocument();
    expect(get.mock.calls.length).toBeGreaterThan(calls);
    // The list behind the dialog has it too.
    expect(screen.getByTestId(`device-${TERRACE}`)).toHaveTextContent('Терраса');

    await act(async () => {
      jest.advanceTimersByTime(15 * 60_000);
    });
    expect(screen.getByTestId('enroll-expiry')).toHaveTextContent('Срок кода истёк');
  });

  it('refreshes the list when the code dialog closes', async () => {
    const { server, get } = setup();
    fireEvent.click(await screen.findByTestId('devices-enroll'));
    fireEvent.click(screen.getByTestId('enroll-issue'));
    await screen.findByTestId('enroll-code');
    const calls = get.mock.calls.length;
    server.devices.push({ id: TERRACE, name: 'Терраса', enrolledAt: '2025-03-05T10:20:00Z', enrolledBy: 'Елена', lastSignInAt: null, revokedAt: null, tillId: null });
    fireEvent.click(screen.getByTestId('enroll-done'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByTestId(`device-${TERRACE}`)).toBeInTheDocument();
    expect(get.mock.calls.length).toBeGreaterThan(calls);
  });

  it('shows a refused code request in the dialog', async () => {
    const { post } = setup();
    post.mockRejectedValueOnce(new ApiError(403, { type: 'about:blank', title: 'Not allowed to enroll devices', status: 403, code: 'auth.forbidden' }));
    fireEvent.click(await screen.findByTestId('devices-enroll'));
    fireEvent.click(screen.getByTestId('enroll-issue'));
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent('У вас нет прав на это действие.');
    expect(screen.queryByTestId('enroll-code')).not.toBeInTheDocument();
  });

  it('revokes a tablet only after a confirmation that says everyone on it is signed out, then shows it revoked', async () => {
    const { post, host } = setup();
    await screen.findAllByTestId(/^device-0190/);

    fireEvent.click(within(row(BAR)).getByRole('button', { name: 'Отозвать' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Отозвать планшет «Бар»?');
    expect(dialog).toHaveTextContent('Все, кто сейчас работает на этом планшете, сразу выйдут из системы');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();

    fireEvent.click(within(row(BAR)).getByRole('button', { name: 'Отозвать' }));
    fireEvent.click(screen.getByTestId('confirm-revoke'));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`/admin/devices/${BAR}/revoke`));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(host.notify).toHaveBeenCalledWith('success', 'Планшет «Бар» отозван');
    await waitFor(() => expect(row(BAR)).toHaveTextContent('Отозван'));
    expect(within(row(BAR)).queryByRole('button', { name: 'Отозвать' })).not.toBeInTheDocument();
  });
});

describe('formatRemaining', () => {
  it('shows minutes and seconds, hours when there are any, never below zero', () => {
    expect(formatRemaining(15 * 60_000)).toBe('15:00');
    expect(formatRemaining(61_500)).toBe('1:02');
    expect(formatRemaining(24 * 60 * 60_000)).toBe('24:00:00');
    expect(formatRemaining(-5_000)).toBe('0:00');
  });
});

describe("DevicesSection: the tablet's till", () => {
  const KASSA_1 = '0190a000-0000-7000-8000-0000000000e1';
  const OLD_TILL = '0190a000-0000-7000-8000-0000000000e3';
  const tills = [
    { id: KASSA_1, name: 'Касса 1', archived: false, openShift: null },
    { id: OLD_TILL, name: 'Старая касса', archived: true, openShift: null },
  ];

  function setupWithTills(venueTills = tills, devices = tablets()) {
    const server = { devices };
    const get = jest.fn(async (path: string) => {
      if (path === '/admin/devices') return { devices: server.devices.map((d) => ({ ...d })) };
      if (path === '/admin/tills') return { tills: venueTills };
      throw new Error(`unexpected GET ${path}`);
    });
    const put = jest.fn(async (path: string, body?: unknown) => {
      const device = server.devices.find((d) => path === `/admin/devices/${d.id}/till`);
      if (!device) throw new Error(`unexpected PUT ${path}`);
      device.tillId = (body as { tillId: string | null }).tillId;
      return { ...device };
    });
    const rendered = renderWithHost(<DevicesSection />, { api: { ...fakeDevicesApi({ get, put }), ...fakeTillsApi({ get }) } });
    return { server, put, ...rendered };
  }

  it('attaches a tablet to a till in use and detaches it again', async () => {
    const { put, host } = setupWithTills();
    const select = await screen.findByTestId(`device-till-${BAR}`);
    expect(select).toHaveValue('');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['—', 'Касса 1']);
    fireEvent.change(select, { target: { value: KASSA_1 } });
    await waitFor(() => expect(put).toHaveBeenCalledWith(`/admin/devices/${BAR}/till`, expect.objectContaining({ tillId: KASSA_1, clientRequestId: expect.any(String) })));
    await waitFor(() => expect(screen.getByTestId(`device-till-${BAR}`)).toHaveValue(KASSA_1));
    expect(host.notify).toHaveBeenCalledWith('success', 'Оплаты с планшета «Бар» идут в смену кассы «Касса 1»');

    fireEvent.change(screen.getByTestId(`device-till-${BAR}`), { target: { value: '' } });
    await waitFor(() => expect(put).toHaveBeenLastCalledWith(`/admin/devices/${BAR}/till`, expect.objectContaining({ tillId: null })));
    await waitFor(() => expect(screen.getByTestId(`device-till-${BAR}`)).toHaveValue(''));
  });

  it('offers an archived till only to the tablet still attached to it, and only shows a revoked tablet’s till', async () => {
    const devices = tablets().map((d) => (d.id === HALL ? { ...d, tillId: OLD_TILL } : d.id === OLD ? { ...d, tillId: KASSA_1 } : d));
    setupWithTills(tills, devices);
    const hall = await screen.findByTestId(`device-till-${HALL}`);
    expect(within(hall).getAllByRole('option').map((o) => o.textContent)).toEqual(['—', 'Касса 1', 'Старая касса (в архиве)']);
    expect(hall).toHaveValue(OLD_TILL);
    expect(screen.queryByTestId(`device-till-${OLD}`)).not.toBeInTheDocument();
    expect(row(OLD)).toHaveTextContent('Касса 1');
  });

  it('keeps the table as it was for a venue without tills', async () => {
    setupWithTills([]);
    await screen.findAllByTestId(/^device-0190/);
    expect(screen.queryByRole('columnheader', { name: 'Касса' })).not.toBeInTheDocument();
    expect(screen.queryByTestId(`device-till-${BAR}`)).not.toBeInTheDocument();
  });
});
