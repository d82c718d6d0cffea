import type { CreateCustomerInput, Customer, CustomerCard, CustomerListQuery, UpdateCustomerInput } from '@pos/contracts';
import { ApiError, type HostApi, HostProvider, type PosApi } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aCard, aCustomer, testHost } from '../testing/fixtures';
import { CustomersPage } from './customers-page';

function renderPage(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <CustomersPage host={host} />
    </HostProvider>,
  );
}

const ivan = aCustomer({ name: 'Иван Петров', phone: '+79161234567' });
const maria = aCustomer({ name: 'Мария Соколова', phone: '+79031112233', email: null, tier: 'gold', consent: { sms: { given: false, at: null }, email: { given: true, at: '2026-10-01T10:00:00.000Z' } } });

/** A fake list route: filters by a name or phone fragment, pages of `pageSize` by the last id. */
function listOf(customers: Customer[], pageSize = 50) {
  return jest.fn(async (q: Partial<CustomerListQuery> = {}) => {
    const found = customers.filter((c) => !q.query || c.name.toLowerCase().includes(q.query.toLowerCase()) || c.phone.includes(q.query));
    const start = q.after ? found.findIndex((c) => c.id === q.after) + 1 : 0;
    const page = found.slice(start, start + pageSize);
    return { customers: page, next: start + pageSize < found.length ? page[page.length - 1].id : null };
  });
}

const problem = (status: number, code: string, errors?: { path: string; message: string }[]) => new ApiError(status, { type: 'about:blank', title: 'Refused', status, code, ...(errors ? { errors } : {}) });

describe('Admin → Guests: the list', () => {
  it('lists the guests, searches by a fragment and pages on with the `next` cursor', async () => {
    const many = Array.from({ length: 3 }, (_, i) => aCustomer({ name: `Гость ${i + 1}`, phone: `+7916000000${i}` }));
    const adminCustomers = listOf([ivan, maria, ...many], 2);
    renderPage(testHost({ api: { adminCustomers } }));

    expect(await screen.findAllByTestId('customer-row')).toHaveLength(2);
    expect(adminCustomers).toHaveBeenLastCalledWith({ query: undefined, limit: 50, after: undefined });
    const first = screen.getAllByTestId('customer-row')[0];
    expect(first).toHaveTextContent('Иван Петров');
    expect(first).toHaveTextContent('+7 916 123-45-67');
    expect(first).toHaveTextContent('SMS');

    fireEvent.click(screen.getByTestId('customers-more'));
    await waitFor(() => expect(screen.getAllByTestId('customer-row')).toHaveLength(4));
    expect(adminCustomers).toHaveBeenLastCalledWith({ query: undefined, limit: 50, after: maria.id });

    fireEvent.change(screen.getByTestId('customers-search'), { target: { value: '903' } });
    await waitFor(() => expect(screen.getAllByTestId('customer-row')).toHaveLength(1));
    expect(screen.getByTestId('customer-row')).toHaveTextContent('Мария Соколова');
    expect(adminCustomers).toHaveBeenLastCalledWith({ query: '903', limit: 50, after: undefined });
    expect(screen.queryByTestId('customers-more')).not.toBeInTheDocument();

    // A whole number typed the Russian way is searched in E.164, as stored.
    fireEvent.change(screen.getByTestId('customers-search'), { target: { value: '8 (903) 111-22-33' } });
    await waitFor(() => expect(adminCustomers).toHaveBeenLastCalledWith({ query: '+79031112233', limit: 50, after: undefined }));
    expect(screen.getByTestId('customer-row')).toHaveTextContent('Мария Соколова');

    fireEvent.change(screen.getByTestId('customers-search'), { target: { value: 'Никто' } });
    expect(await screen.findByTestId('customers-empty')).toHaveTextContent('По запросу «Никто» никого не нашли.');
  });
});

describe('Admin → Guests: the form', () => {
  it('adds a guest with the phone typed the Russian way, sent as E.164', async () => {
    const createCustomer = jest.fn(async (body: CreateCustomerInput) => aCustomer({ ...body, email: body.email ?? null }));
    const notify = jest.fn();
    const adminCustomers = listOf([]);
    renderPage(testHost({ api: { adminCustomers, createCustomer }, notify }));
    await screen.findByTestId('customers-empty');

    fireEvent.click(screen.getByTestId('customers-create'));
    const form = screen.getByTestId('customer-form');
    fireEvent.change(within(form).getByTestId('customer-form-name'), { target: { value: '  Ольга Смирнова ' } });
    fireEvent.change(within(form).getByTestId('customer-form-phone'), { target: { value: '8 (916) 555-44-33' } });
    // The form says how it will store the number before it is sent.
    expect(within(form).getByText('Сохраним как +7 916 555-44-33')).toBeInTheDocument();
    fireEvent.click(within(form).getByTestId('customer-form-sms'));
    fireEvent.click(within(form).getByTestId('customer-form-tier-silver'));
    fireEvent.click(screen.getByTestId('customer-form-save'));

    await waitFor(() =>
      expect(createCustomer).toHaveBeenCalledWith({ name: 'Ольга Смирнова', phone: '+79165554433', email: null, smsConsent: true, emailConsent: false, tier: 'silver' }),
    );
    expect(notify).toHaveBeenCalledWith('success', 'Гость Ольга Смирнова добавлен');
    await waitFor(() => expect(screen.queryByTestId('customer-form')).not.toBeInTheDocument());
    // The list is asked again (the new guest is in it now).
    expect(adminCustomers.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a phone it cannot read without asking the server, and names a missing name', async () => {
    const createCustomer = jest.fn();
    renderPage(testHost({ api: { adminCustomers: listOf([]), createCustomer } }));
    await screen.findByTestId('customers-empty');
    fireEvent.click(screen.getByTestId('customers-create'));
    fireEvent.change(screen.getByTestId('customer-form-phone'), { target: { value: '916 12' } });
    fireEvent.click(screen.getByTestId('customer-form-save'));

    expect(await screen.findByTestId('customer-form-failure')).toHaveTextContent('Исправьте отмеченные поля');
    expect(screen.getByTestId('customer-form-phone')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Не похоже на номер телефона/)).toBeInTheDocument();
    expect(screen.getByText('Введите имя гостя')).toBeInTheDocument();
    expect(createCustomer).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal at the field its path names', async () => {
    const createCustomer = jest.fn(async (): Promise<Customer> => {
      throw problem(400, 'validation', [{ path: 'body.email', message: 'Invalid email address' }]);
    });
    renderPage(testHost({ api: { adminCustomers: listOf([]), createCustomer } }));
    await screen.findByTestId('customers-empty');
    fireEvent.click(screen.getByTestId('customers-create'));
    fireEvent.change(screen.getByTestId('customer-form-name'), { target: { value: 'Ольга' } });
    fireEvent.change(screen.getByTestId('customer-form-phone'), { target: { value: '+7 916 555 44 33' } });
    // Well-formed for the browser; the server holds a stricter rule.
    fireEvent.change(screen.getByTestId('customer-form-email'), { target: { value: 'olga@localhost.x' } });
    fireEvent.click(screen.getByTestId('customer-form-save'));

    expect(await screen.findByTestId('customer-form-failure')).toHaveTextContent('Исправьте отмеченные поля');
    expect(screen.getByTestId('customer-form-email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Проверьте адрес почты, например guest@example.com')).toBeInTheDocument();
    expect(screen.getByTestId('customer-form-phone')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('customer-form')).toBeInTheDocument();
  });

  it('shows a phone another guest has at the phone field', async () => {
    const createCustomer = jest.fn(async (): Promise<Customer> => {
      throw problem(409, 'customer.phone_taken');
    });
    renderPage(testHost({ api: { adminCustomers: listOf([]), createCustomer }, language: 'en' }));
    await screen.findByTestId('customers-empty');
    fireEvent.click(screen.getByTestId('customers-create'));
    fireEvent.change(screen.getByTestId('customer-form-name'), { target: { value: 'Olga' } });
    fireEvent.change(screen.getByTestId('customer-form-phone'), { target: { value: '89161234567' } });
    fireEvent.click(screen.getByTestId('customer-form-save'));

    expect(await screen.findByText('A guest with this phone number exists already — find them with the search')).toBeInTheDocument();
    expect(screen.getByTestId('customer-form-phone')).toHaveAttribute('aria-invalid', 'true');
    expect(createCustomer).toHaveBeenCalledWith(expect.objectContaining({ phone: '+79161234567' }));
  });

  it('edits a guest: sends only what changed, an emptied email as null', async () => {
    const updateCustomer = jest.fn(async (id: string, body: UpdateCustomerInput) => ({ ...ivan, ...body, email: body.email === undefined ? ivan.email : body.email }));
    renderPage(testHost({ api: { adminCustomers: listOf([ivan]), updateCustomer } }));
    fireEvent.click(await screen.findByTestId('customer-edit'));
    expect(screen.getByTestId('customer-form-name')).toHaveValue('Иван Петров');
    // The stored E.164 number shown as staff write it; sent back unchanged, it is no change.
    expect(screen.getByTestId('customer-form-phone')).toHaveValue('+7 916 123-45-67');
    expect(screen.getByTestId('customer-form-sms')).toBeChecked();
    expect(screen.getByText(/\(дано 01\.11\.2026\)/)).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('customer-form-email'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('customer-form-sms'));
    fireEvent.click(screen.getByTestId('customer-form-tier-gold'));
    fireEvent.click(screen.getByTestId('customer-form-save'));
    await waitFor(() => expect(updateCustomer).toHaveBeenCalledWith(ivan.id, { email: null, smsConsent: false, tier: 'gold' }));
  });
});

describe('Admin → Guests: export', () => {
  it('downloads what the venue keeps about the guest as JSON, from the guest’s form', async () => {
    const exported = { customer: ivan, cards: [aCard({ customerId: ivan.id })], exportedAt: '2026-12-07T10:00:00.000Z' };
    const exportCustomer = jest.fn(async () => exported);
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:guest';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    try {
      renderPage(testHost({ api: { adminCustomers: listOf([ivan]), exportCustomer } }));
      fireEvent.click(await screen.findByTestId('customer-edit'));
      fireEvent.click(screen.getByTestId('customer-export'));
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(exportCustomer).toHaveBeenCalledWith(ivan.id);
      expect(clicked[0].download).toBe(`guest-${ivan.id}.json`);
      expect(blobs[0].type).toBe('application/json');
      const text = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blobs[0]);
      });
      expect(JSON.parse(text)).toEqual(exported);
    } finally {
      click.mockRestore();
    }
  });
});

describe('Admin → Guests: printed cards', () => {
  it('issues a card, shows its QR with the guest’s name and prints the card alone', async () => {
    const issued = aCard({ customerId: ivan.id });
    let cards: CustomerCard[] = [];
    const customerCards = jest.fn(async () => ({ cards }));
    const issueCustomerCard = jest.fn(async () => {
      cards = [issued];
      return issued;
    });
    renderPage(testHost({ api: { adminCustomers: listOf([ivan]), customerCards, issueCustomerCard } }));
    fireEvent.click(await screen.findByTestId('customer-cards'));
    expect(await screen.findByTestId('cards-empty')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('cards-issue'));
    const card = await screen.findByTestId('printable-card');
    expect(issueCustomerCard).toHaveBeenCalledWith(ivan.id);
    expect(within(card).getByTestId('printable-card-name')).toHaveTextContent('Иван Петров');
    expect(within(card).getByRole('img', { name: 'QR-код карты гостя Иван Петров' })).toHaveAttribute('data-value', issued.code);
    expect(within(card).getByText('Ресторан «Демо»')).toBeInTheDocument();
    expect(screen.getAllByTestId('card-row')).toHaveLength(1);

    // While the browser prints, only the card is marked to print (the rest of the screen hidden).
    const print = jest.fn(() => {
      expect(document.body).toHaveClass('printing');
      expect(card).toHaveClass('target');
    });
    window.print = print;
    fireEvent.click(within(card).getByTestId('card-print'));
    expect(print).toHaveBeenCalledTimes(1);
    expect(card).not.toHaveClass('target');
    expect(within(card).getByTestId('card-print')).toHaveClass('noPrint');
  });

  it('revokes a card only after a confirm; a revoked card shows no QR to print', async () => {
    const card = aCard({ customerId: ivan.id });
    const customerCards = jest.fn(async () => ({ cards: [card] }));
    const revokeCustomerCard = jest.fn(async (id: string) => ({ ...card, id, revokedAt: '2026-12-07T10:00:00.000Z' }));
    renderPage(testHost({ api: { adminCustomers: listOf([ivan]), customerCards, revokeCustomerCard } }));
    fireEvent.click(await screen.findByTestId('customer-cards'));
    fireEvent.click(await screen.findByTestId('card-show'));
    expect(screen.getByTestId('printable-card')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('card-revoke'));
    const confirm = screen.getByTestId('card-revoke-dialog');
    expect(confirm).toHaveTextContent('перестанет приниматься на кассе');
    fireEvent.click(screen.getByText('Отмена', { selector: 'button' }));
    expect(revokeCustomerCard).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('card-revoke'));
    fireEvent.click(screen.getByTestId('card-revoke-confirm'));
    await waitFor(() => expect(revokeCustomerCard).toHaveBeenCalledWith(card.id));
    await waitFor(() => expect(screen.getByTestId('card-row')).toHaveTextContent('Отозвана'));
    expect(screen.queryByTestId('card-revoke')).not.toBeInTheDocument();
    expect(screen.queryByTestId('printable-card')).not.toBeInTheDocument();
  });
});

describe('Admin → Guests: the guest app’s code', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the code as a QR, counts down to its end and fetches the next one by itself', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00.000Z') });
    let n = 0;
    const guestCode = jest.fn(async (id: string) => {
      // The answer takes 400 ms, so it lands between two ticks of the countdown.
      await new Promise((resolve) => setTimeout(resolve, 400));
      n += 1;
      // The server's clock runs 2 minutes ahead of the tablet's: the countdown must not care.
      const madeAt = Math.floor(Date.now() / 1000) + 120;
      return { code: `PQ1.${id}.${madeAt}.sig${String(n).padStart(19, '0')}`, validUntil: new Date((madeAt + 60) * 1000).toISOString() };
    });
    const advance = (ms: number) =>
      act(async () => {
        await jest.advanceTimersByTimeAsync(ms);
      });
    renderPage(testHost({ api: { adminCustomers: listOf([ivan]), guestCode } }));
    await advance(400);
    fireEvent.click(screen.getByTestId('customer-guest-code'));
    await advance(450);
    const qr = screen.getByTestId('guest-code-qr');
    const first = qr.getAttribute('data-value');
    expect(first).toMatch(new RegExp(`^PQ1\\.${ivan.id}\\.\\d+\\.sig0+1$`));
    expect(screen.getByTestId('guest-code-text')).toHaveTextContent(first ?? '');
    expect(screen.getByTestId('guest-code-countdown')).toHaveTextContent('Действует ещё 60 с');

    // The countdown ticks every second from the dialog's opening: 31 s after the code came, 30 s are left.
    await advance(31_000);
    expect(screen.getByTestId('guest-code-countdown')).toHaveTextContent('Действует ещё 30 с');
    expect(guestCode).toHaveBeenCalledTimes(1);

    // Five seconds before the end the next code is asked for, and the countdown starts again from 60.
    await advance(24_700);
    expect(guestCode).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('guest-code-qr').getAttribute('data-value')).toBe(first);
    // The new code came between two ticks: its countdown starts at 60, not at 61.
    await advance(450);
    expect(screen.getByTestId('guest-code-qr').getAttribute('data-value')).toMatch(/sig0+2$/);
    expect(screen.getByTestId('guest-code-countdown')).toHaveTextContent('Действует ещё 60 с');
  });

  it('says so when the server gives no code, and tries again on demand', async () => {
    const guestCode = jest
      .fn<ReturnType<PosApi['guestCode']>, [string]>()
      .mockRejectedValueOnce(problem(404, 'customer.not_found'))
      .mockResolvedValueOnce({ code: `PQ1.${ivan.id}.1796600000.AAAAAAAAAAAAAAAAAAAAAA`, validUntil: '2026-12-07T10:01:00.000Z' });
    renderPage(testHost({ api: { adminCustomers: listOf([ivan]), guestCode } }));
    fireEvent.click(await screen.findByTestId('customer-guest-code'));
    expect(await screen.findByTestId('guest-code-failure')).toHaveTextContent('Не удалось получить код: Гость не найден.');
    fireEvent.click(screen.getByTestId('guest-code-retry'));
    expect(await screen.findByTestId('guest-code-qr')).toBeInTheDocument();
    expect(guestCode).toHaveBeenCalledTimes(2);
  });
});
