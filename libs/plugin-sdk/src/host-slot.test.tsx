import type { Order } from '@pos/contracts';
import { render } from '@testing-library/react';
import type { HostSlots } from './host-api';
import { HostProvider, HostSlot } from './react';
import { createTestHost } from './testing';

const order = { id: 'o1', number: 7 } as Order;

describe('HostSlot', () => {
  it("mounts another remote's slot through the host, passes context changes on and unmounts with the component", () => {
    const mounted = { update: jest.fn(), unmount: jest.fn() };
    const slots: HostSlots = { entries: () => [], subscribe: () => () => undefined, mount: jest.fn(() => mounted) };
    const host = createTestHost({ slots });
    const { rerender, unmount } = render(
      <HostProvider host={host}>
        <HostSlot name="order.side-panel" context={{ order }} remote="loyalty" />
      </HostProvider>,
    );
    expect(slots.mount).toHaveBeenCalledWith('order.side-panel', expect.any(HTMLDivElement), { order }, { remote: 'loyalty' });
    const next = { order: { ...order, number: 8 } };
    rerender(
      <HostProvider host={host}>
        <HostSlot name="order.side-panel" context={next} remote="loyalty" />
      </HostProvider>,
    );
    expect(mounted.update).toHaveBeenLastCalledWith(next);
    expect(slots.mount).toHaveBeenCalledTimes(1);
    unmount();
    expect(mounted.unmount).toHaveBeenCalled();
  });

  it('renders an empty place on a host before API 1.2 (no slots)', () => {
    const { container } = render(
      <HostProvider host={createTestHost()}>
        <HostSlot name="admin.pages" context={{ path: '/x/admin/upsell' }} />
      </HostProvider>,
    );
    expect(container.querySelector('[data-host-slot="admin.pages"]')).toBeEmptyDOMElement();
  });
});
