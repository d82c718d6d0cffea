import type { Order } from '@pos/contracts';
import { createI18n } from '@pos/i18n';
import { type HostApi, type MountedSlot, type PluginSlots, reactLifecycles, type SlotName, type SlotProps } from '@pos/plugin-sdk';
import { createTestHost } from '@pos/plugin-sdk/testing';
import { act, render, screen, waitFor } from '@testing-library/react';
import { BehaviorSubject } from 'rxjs';
import type { ShellServices } from '../services';
import { ServicesContext } from '../services-context';
import { createHostSlots } from './host-slots';
import type { RemoteState } from './plugin-host';
import { Slot } from './slot';

const order = { id: 'o1', number: 12, total: 45_000 } as Order;

/** A remote's parcel for `order.summary`: it reads its typed context, no cast. */
function Summary({ context }: SlotProps<'order.summary'>) {
  return <span data-testid="summary">{`${context.place}:${context.order.number}:${context.checkIndex ?? 'all'}`}</span>;
}

function servicesWith(parcels: PluginSlots, host: HostApi = createTestHost()): ShellServices {
  const remotes$ = new BehaviorSubject<RemoteState[]>([
    { name: 'promotions', version: '1.0.0', manifestUrl: '/remotes/promotions/1.0.0/mf-manifest.json', feature: 'promotions', status: 'loaded', plugin: { id: 'promotions', feature: 'upsell', shellApi: '^1', slots: parcels } },
  ]);
  const pluginHost = {
    remotes$,
    slot: (name: SlotName) => (parcels[name] ? [{ remote: 'promotions', parcel: parcels[name] }] : []),
    slotEntries: (name: SlotName) => (parcels[name] ? [{ remote: 'promotions', namespace: 'promotions' }] : []),
  };
  return { pluginHost, host: () => host, i18n: createI18n('ru') } as unknown as ShellServices;
}

describe('Slot', () => {
  it('renders nothing when no remote fills the slot', () => {
    const { container } = render(
      <ServicesContext.Provider value={servicesWith({})}>
        <Slot name="order.summary" context={{ order, place: 'order', checkIndex: null }} />
      </ServicesContext.Provider>,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it("hands the remote's parcel the slot's typed context", async () => {
    const parcels: PluginSlots = { 'order.summary': reactLifecycles(Summary) };
    render(
      <ServicesContext.Provider value={servicesWith(parcels)}>
        <Slot name="order.summary" context={{ order, place: 'payment', checkIndex: 1 }} />
      </ServicesContext.Provider>,
    );
    expect(await screen.findByTestId('summary')).toHaveTextContent('payment:12:1');
  });
});

describe('HostApi.slots (host API 1.2)', () => {
  it("lets a remote mount another remote's slot into its own element, and update its context", async () => {
    const parcels: PluginSlots = { 'order.summary': reactLifecycles(Summary) };
    const services = servicesWith(parcels);
    const slots = createHostSlots(() => services);
    expect(slots.entries('order.summary')).toEqual([{ remote: 'promotions', namespace: 'promotions' }]);
    expect(slots.entries('admin.pages')).toEqual([]);
    const element = document.body.appendChild(document.createElement('div'));
    let mounted!: MountedSlot<'order.summary'>;
    act(() => void (mounted = slots.mount('order.summary', element, { order, place: 'order', checkIndex: null })));
    await waitFor(() => expect(element).toHaveTextContent('order:12:all'));
    act(() => mounted.update({ order, place: 'payment', checkIndex: 0 }));
    await waitFor(() => expect(element).toHaveTextContent('payment:12:0'));
    act(() => mounted.unmount());
    await waitFor(() => expect(element).toBeEmptyDOMElement());
  });
});
