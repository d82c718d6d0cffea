import type { Menu, Order, Recommendation } from '@pos/contracts';
import { HostProvider, type OrderSuggestionsContext, queryKeys } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { demoMenu, type FakeHostOptions, hostWith, IDS, line, lunchRec, order, vegRec, wineRec } from '../../testing/fixtures';
import { SuggestionsBlock } from './suggestions-block';

function renderBlock(items: () => Recommendation[], theOrder: Order, options: FakeHostOptions & { course?: number } = {}) {
  const made = hostWith(items, options);
  const context: OrderSuggestionsContext = { order: theOrder, course: options.course ?? 1 };
  const view = render(
    <HostProvider host={made.host}>
      <SuggestionsBlock host={made.host} context={context} />
    </HostProvider>,
  );
  return { ...made, view };
}

// jsdom has no PointerEvent: a MouseEvent with the pointer fields is what browsers deliver.
class TestPointerEvent extends MouseEvent {
  readonly pointerId: number;
  readonly pointerType: string;
  constructor(type: string, init: PointerEventInit = {}) {
    super(type, init);
    this.pointerId = init.pointerId ?? 1;
    this.pointerType = init.pointerType ?? 'mouse';
  }
}
beforeAll(() => {
  (window as unknown as { PointerEvent: typeof TestPointerEvent }).PointerEvent = TestPointerEvent;
});

const steakOrder = () => order([line(IDS.steak, 'Рибай')]);
const cardNames = () => screen.getAllByRole('button').map((b) => b.getAttribute('data-testid'));

describe('SuggestionsBlock', () => {
  it('shows the cards in the ranking the server gives, with price and reason, and records each as shown once', async () => {
    const { api } = renderBlock(() => [wineRec, vegRec], steakOrder());
    const wine = await screen.findByTestId('upsell-card-wine-red-glass');
    expect(within(wine).getByText('к стейку — красное вино')).toBeInTheDocument();
    expect(wine).toHaveTextContent(/600,00\s₽/);
    expect(screen.getByTestId('upsell-card-grilled-vegetables')).toHaveTextContent('часто заказывают вместе');
    expect(cardNames()).toEqual(['upsell-card-wine-red-glass', 'upsell-card-grilled-vegetables']);
    expect(api.recommendations).toHaveBeenCalledWith(IDS.steak, { orderId: IDS.order });
    await waitFor(() => expect(api.recordUpsellEvent).toHaveBeenCalledTimes(2));
    expect(api.recordUpsellEvent).toHaveBeenCalledWith(expect.objectContaining({ productId: IDS.steak, recommendedProductId: IDS.wine, kind: 'shown', orderId: IDS.order }));
  });

  it('for an order the server has not taken yet (number 0) asks without its id and records nothing until it has one', async () => {
    const pending = order([line(IDS.steak, 'Рибай')], { id: '01a252ed-0458-7544-873f-8df925fd294f', number: 0 });
    const { api, host, view } = renderBlock(() => [wineRec], pending);
    await screen.findByTestId('upsell-card-wine-red-glass');
    expect(api.recommendations).toHaveBeenCalledWith(IDS.steak, {});
    expect(api.recommendations).not.toHaveBeenCalledWith(IDS.steak, { orderId: pending.id });
    // The order reaches the server and follows its id: now the cards are asked for it and counted.
    // (Another server id than the other tests': cards are recorded once per order in this tab.)
    const taken = { ...pending, id: '0190a000-0000-7000-8000-0000000004ff', number: 12 };
    view.rerender(
      <HostProvider host={host}>
        <SuggestionsBlock host={host} context={{ order: taken, course: 1 }} />
      </HostProvider>,
    );
    await waitFor(() => expect(api.recommendations).toHaveBeenCalledWith(IDS.steak, { orderId: taken.id }));
    await waitFor(() => expect(api.recordUpsellEvent).toHaveBeenCalledWith(expect.objectContaining({ kind: 'shown', orderId: taken.id })));
    expect(api.recordUpsellEvent).not.toHaveBeenCalledWith(expect.objectContaining({ orderId: pending.id }));
  });

  it('drops a card live when its product is stop-listed', async () => {
    let menu: Menu = demoMenu();
    const { host } = renderBlock(() => [wineRec, vegRec], steakOrder(), { menu: () => menu });
    await screen.findByTestId('upsell-card-wine-red-glass');
    // The shell patches the cached menu on menu.stock; the server leaves it out from now on too.
    menu = demoMenu({ wine: { isAvailable: false } });
    act(() => {
      host.queryClient.setQueryData(queryKeys.menu, menu);
      host.bus.emit('menu.stock', { venueId: host.session.venue.id, productId: IDS.wine, stock: null, isAvailable: false, menuVersion: 2 } as never);
    });
    await waitFor(() => expect(screen.queryByTestId('upsell-card-wine-red-glass')).not.toBeInTheDocument());
    expect(screen.getByTestId('upsell-card-grilled-vegetables')).toBeInTheDocument();
  });

  it('adds a product with a tap and hands the new order to the shell cache', async () => {
    const before = steakOrder();
    const after = { ...before, version: 4, lines: [...before.lines, line(IDS.wine, 'Вино')] };
    const addItems = jest.fn(async () => after);
    const { host, api } = renderBlock(() => [wineRec], before, { api: { addItems } });
    fireEvent.click(await screen.findByTestId('upsell-card-wine-red-glass'));
    await waitFor(() => expect(host.queryClient.getQueryData(queryKeys.order(IDS.order))).toEqual(after));
    expect(addItems).toHaveBeenCalledWith(IDS.order, [{ productId: IDS.wine, quantity: 1, course: 1 }]);
    await waitFor(() => expect(api.recordUpsellEvent).toHaveBeenCalledWith(expect.objectContaining({ kind: 'accepted', recommendedProductId: IDS.wine, productId: IDS.steak })));
  });

  it('a card taken while the order is still only on this tablet counts as accepted, naming no order the server lacks', async () => {
    const pending = order([line(IDS.steak, 'Рибай')], { id: '01a252ed-0458-7544-873f-8df925fd2900', number: 0 });
    const addItems = jest.fn(async () => ({ ...pending, version: 4, lines: [...pending.lines, line(IDS.wine, 'Вино')] }));
    const { api } = renderBlock(() => [wineRec], pending, { api: { addItems } });
    fireEvent.click(await screen.findByTestId('upsell-card-wine-red-glass'));
    await waitFor(() => expect(api.recordUpsellEvent).toHaveBeenCalledWith(expect.objectContaining({ kind: 'accepted', recommendedProductId: IDS.wine })));
    expect(api.recordUpsellEvent).toHaveBeenCalledWith(expect.not.objectContaining({ orderId: expect.anything() }));
  });

  it('accepts a combo in place of the unfired lines of its dishes', async () => {
    const borscht = line(IDS.borscht, 'Борщ');
    const firedKiev = line(IDS.kiev, 'Котлета', { firedQuantity: 1 });
    const theOrder = order([firedKiev, borscht]);
    const addCombo = jest.fn(async () => ({ ...theOrder, version: 4 }));
    renderBlock(() => [lunchRec], theOrder, { api: { addCombo } });
    const card = await screen.findByTestId(`upsell-combo-${IDS.lunch}`);
    expect(card).toHaveTextContent('Борщ + Котлета по-киевски + Морс клюквенный');
    expect(card).toHaveTextContent(/1\s150,00\s₽/);
    fireEvent.click(card);
    await waitFor(() => expect(addCombo).toHaveBeenCalledWith(IDS.order, { comboId: IDS.lunch, version: 3, course: 1, replaceLineIds: [borscht.id] }));
  });

  it('adds a tapped card to the course selected on the order screen, not course 1', async () => {
    const firedSteak = line(IDS.steak, 'Рибай', { firedQuantity: 1 });
    const addItems = jest.fn(async () => order([firedSteak]));
    renderBlock(() => [wineRec], order([firedSteak]), { api: { addItems }, course: 2 });
    fireEvent.click(await screen.findByTestId('upsell-card-wine-red-glass'));
    await waitFor(() => expect(addItems).toHaveBeenCalledWith(IDS.order, [{ productId: IDS.wine, quantity: 1, course: 2 }]));
  });

  it('sells a combo with its dishes in the selected course', async () => {
    const theOrder = order([line(IDS.borscht, 'Борщ')]);
    const addCombo = jest.fn(async () => ({ ...theOrder, version: 4 }));
    renderBlock(() => [lunchRec], theOrder, { api: { addCombo }, course: 3 });
    fireEvent.click(await screen.findByTestId(`upsell-combo-${IDS.lunch}`));
    await waitFor(() => expect(addCombo).toHaveBeenCalledWith(IDS.order, expect.objectContaining({ comboId: IDS.lunch, course: 3 })));
  });

  it('falls back to course 1 when the host gives no course', async () => {
    const addItems = jest.fn(async () => steakOrder());
    const made = hostWith(() => [wineRec], { api: { addItems } });
    render(
      <HostProvider host={made.host}>
        <SuggestionsBlock host={made.host} context={{ order: steakOrder() }} />
      </HostProvider>,
    );
    fireEvent.click(await screen.findByTestId('upsell-card-wine-red-glass'));
    await waitFor(() => expect(addItems).toHaveBeenCalledWith(IDS.order, [{ productId: IDS.wine, quantity: 1, course: 1 }]));
  });

  it('adds a card dragged onto the order panel, and nothing when dropped elsewhere', async () => {
    const addItems = jest.fn(async () => steakOrder());
    renderBlock(() => [wineRec], steakOrder(), { api: { addItems }, course: 2 });
    const panel = document.createElement('section');
    panel.dataset.testid = 'order-panel';
    panel.getBoundingClientRect = () => ({ left: 600, right: 1000, top: 0, bottom: 800, width: 400, height: 800, x: 600, y: 0, toJSON: () => ({}) });
    document.body.append(panel);
    const card = await screen.findByTestId('upsell-card-wine-red-glass');

    const drag = (toX: number, pointerType: string) => {
      fireEvent.pointerDown(card, { clientX: 100, clientY: 100, pointerId: 7, button: 0, pointerType });
      fireEvent.pointerMove(window, { clientX: 300, clientY: 120, pointerId: 7, pointerType });
      fireEvent.pointerMove(window, { clientX: toX, clientY: 140, pointerId: 7, pointerType });
      fireEvent.pointerUp(window, { clientX: toX, clientY: 140, pointerId: 7, pointerType });
      fireEvent.click(card);
    };

    act(() => drag(400, 'mouse'));
    expect(addItems).not.toHaveBeenCalled();

    fireEvent.pointerDown(card, { clientX: 100, clientY: 100, pointerId: 8, button: 0, pointerType: 'touch' });
    fireEvent.pointerMove(window, { clientX: 700, clientY: 140, pointerId: 8, pointerType: 'touch' });
    expect(await screen.findByTestId('upsell-drag-ghost')).toBeInTheDocument();
    fireEvent.pointerUp(window, { clientX: 700, clientY: 140, pointerId: 8, pointerType: 'touch' });
    await waitFor(() => expect(addItems).toHaveBeenCalledTimes(1));
    expect(addItems).toHaveBeenCalledWith(IDS.order, [{ productId: IDS.wine, quantity: 1, course: 2 }]);
    expect(screen.queryByTestId('upsell-drag-ghost')).not.toBeInTheDocument();
    panel.remove();
  });

  it('stays out of the way with nothing to recommend, and speaks English', async () => {
    renderBlock(() => [wineRec], steakOrder(), { language: 'en' });
    expect(await screen.findByText('Recommended to add')).toBeInTheDocument();
    const empty = hostWith(() => []);
    const { container } = render(
      <HostProvider host={empty.host}>
        <SuggestionsBlock host={empty.host} context={{ order: order([]) }} />
      </HostProvider>,
    );
    expect(container).toBeEmptyDOMElement();
    expect(empty.api.recommendations).not.toHaveBeenCalled();
  });
});
