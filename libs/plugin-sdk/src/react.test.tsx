import { createEventBus } from '@pos/event-bus';
import { createI18n } from '@pos/i18n';
import { QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { HostApi } from './host-api';
import { HostProvider, useBusEvent, useCan, useHost } from './react';

function makeHost(): HostApi {
  const permissions = new Set(['orders.view']);
  return {
    shellApi: '1.0.0',
    bus: createEventBus(),
    api: {} as HostApi['api'],
    queryClient: new QueryClient(),
    i18n: createI18n('en'),
    session: {} as HostApi['session'],
    can: (p) => permissions.has(p),
    requestApproval: () => Promise.resolve(null),
    connectivity: () => ({ state: 'online', pending: 0 }),
    worksOffline: () => false,
    navigate: () => undefined,
    notify: () => undefined,
    storage: { get: () => Promise.resolve(undefined), set: () => Promise.resolve() },
  };
}

function Probe() {
  const host = useHost();
  const canView = useCan('orders.view');
  const canVoid = useCan('orders.void');
  const [last, setLast] = useState('none');
  useBusEvent('notification.toast', (p) => setLast(p.message));
  return (
    <div>
      <span data-testid="api">{host.shellApi}</span>
      <span data-testid="perms">{`${canView}/${canVoid}`}</span>
      <span data-testid="last">{last}</span>
    </div>
  );
}

describe('HostProvider and hooks', () => {
  it('gives components the host, permission checks and bus events', () => {
    const host = makeHost();
    const { unmount } = render(
      <HostProvider host={host}>
        <Probe />
      </HostProvider>,
    );
    expect(screen.getByTestId('api')).toHaveTextContent('1.0.0');
    expect(screen.getByTestId('perms')).toHaveTextContent('true/false');
    act(() => host.bus.emit('notification.toast', { kind: 'info', message: 'ticket ready' }));
    expect(screen.getByTestId('last')).toHaveTextContent('ticket ready');
    unmount();
    // After unmount the subscription is gone: emitting must not throw or update anything.
    expect(() => host.bus.emit('notification.toast', { kind: 'info', message: 'late' })).not.toThrow();
  });

  it('refuses to run outside a HostProvider', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Probe />)).toThrow(/HostProvider/);
    spy.mockRestore();
  });
});
