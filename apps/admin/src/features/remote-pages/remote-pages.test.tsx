import type { HostApi, HostSlots, SlotEntry } from '@pos/plugin-sdk';
import { act, fireEvent, screen } from '@testing-library/react';
import { renderWithHost } from '../../testing/fake-host';
import { AdminApp } from '../admin-app';

const api = {
  featureFlags: jest.fn(async () => ({ flags: {} as never })),
  roles: jest.fn(async () => ({ roles: [] })),
};

/** The host's slots with the upsell remote's page in `admin.pages`; remotes may come and go. */
function fakeSlots(initial: SlotEntry[]) {
  let entries = initial;
  const listeners = new Set<() => void>();
  const mounted = { update: jest.fn(), unmount: jest.fn() };
  const slots: HostSlots & { mount: jest.Mock } = {
    entries: (name) => (name === 'admin.pages' ? entries : []),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mount: jest.fn((_name, element: HTMLElement) => {
      element.textContent = 'upsell rules';
      return mounted;
    }),
  };
  const change = (next: SlotEntry[]) => {
    entries = next;
    listeners.forEach((l) => l());
  };
  return { slots, change, mounted };
}

const UPSELL: SlotEntry = { remote: 'upsell', namespace: 'upsell', adminPage: { id: 'upsell', title: 'Допродажи', permission: 'admin.menu' } };

describe('AdminApp: pages of other remotes (admin.pages)', () => {
  beforeEach(() => window.history.replaceState(null, '', '/x/admin'));

  it("lists a remote's page after the admin's own sections and mounts it through the host", () => {
    const { slots, mounted } = fakeSlots([UPSELL]);
    const { host, unmount } = renderWithHost(<AdminApp host={{} as HostApi} />, { api, slots });
    expect(screen.getByTestId('admin-nav-upsell')).toHaveTextContent('Допродажи');
    fireEvent.click(screen.getByTestId('admin-nav-upsell'));
    expect(host.navigate).toHaveBeenCalledWith('/x/admin/upsell');
    expect(slots.mount).toHaveBeenCalledWith('admin.pages', expect.any(HTMLElement), { path: '/x/admin/upsell' }, { remote: 'upsell' });
    expect(screen.getByText('upsell rules')).toBeInTheDocument();
    unmount();
    expect(mounted.unmount).toHaveBeenCalled();
  });

  it('opens the page from its URL, hides it without its permission, and follows the remote going away', () => {
    window.history.replaceState(null, '', '/x/admin/upsell');
    const { slots, change } = fakeSlots([UPSELL]);
    renderWithHost(<AdminApp host={{} as HostApi} />, { api, slots, permissions: ['admin.flags', 'admin.menu'] });
    expect(screen.getByTestId('admin-nav-upsell')).toHaveAttribute('aria-current', 'page');
    act(() => change([]));
    expect(screen.queryByTestId('admin-nav-upsell')).not.toBeInTheDocument();
    expect(screen.getByTestId('admin-nav-flags')).toHaveAttribute('aria-current', 'page');
  });

  it('lists each page of a remote that declares several (adminPages), each by its own permission, and mounts the one chosen with its path', () => {
    const shift: SlotEntry = {
      remote: 'shift',
      namespace: 'shift',
      adminPage: { id: 'open-shifts', title: 'Открытые смены', permission: 'shifts.close-others' },
      adminPages: [
        { id: 'open-shifts', title: 'Открытые смены', permission: 'shifts.close-others' },
        { id: 'z-reports', title: 'Z-отчёты', permission: 'shifts.reports.all' },
      ],
    };
    const { slots } = fakeSlots([shift]);
    const { host } = renderWithHost(<AdminApp host={{} as HostApi} />, { api, slots, permissions: ['admin.flags', 'shifts.reports.all'] });
    expect(screen.queryByTestId('admin-nav-open-shifts')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('admin-nav-z-reports'));
    expect(host.navigate).toHaveBeenCalledWith('/x/admin/z-reports');
    expect(slots.mount).toHaveBeenCalledWith('admin.pages', expect.any(HTMLElement), { path: '/x/admin/z-reports' }, { remote: 'shift' });
  });

  it("shows no page to staff without the page's permission, nor on a host without slots", () => {
    const { slots } = fakeSlots([UPSELL]);
    const first = renderWithHost(<AdminApp host={{} as HostApi} />, { api, slots, permissions: ['admin.flags'] });
    expect(screen.queryByTestId('admin-nav-upsell')).not.toBeInTheDocument();
    first.unmount();
    renderWithHost(<AdminApp host={{} as HostApi} />, { api });
    expect(screen.queryByTestId('admin-nav-upsell')).not.toBeInTheDocument();
  });
});
