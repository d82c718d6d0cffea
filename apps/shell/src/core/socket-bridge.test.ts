import { queryKeys } from '@pos/api-client';
import { EVENT_NAMESPACE, type Menu, type MenuChanges, type ServerEventName } from '@pos/contracts';
import { SOCKET_NAMESPACES } from '@pos/contracts/constants';
import { aMenu, aProduct } from '@pos/contracts/testing';
import { createEventBus } from '@pos/event-bus';
import { QueryClient } from '@tanstack/react-query';
import { connectSockets, POS_EVENTS } from './socket-bridge';

/** Each namespace's socket: handlers by event, so a test can play the server. */
const sockets = new Map<string, { handlers: Map<string, (payload: unknown) => void>; disconnect(): void }>();
jest.mock('socket.io-client', () => ({
  io: (namespace: string) => {
    const socket = { handlers: new Map<string, (payload: unknown) => void>(), on: (name: string, handler: (payload: unknown) => void) => socket.handlers.set(name, handler), disconnect: () => undefined };
    sockets.set(namespace, socket);
    return socket;
  },
}));
const serverSends = (name: string, payload: unknown) => sockets.get(SOCKET_NAMESPACES.menu)!.handlers.get(name)!(payload);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('socket bridge', () => {
  it('forwards every event the server sends on the pos namespace to the bus (shift.alert was once left out)', () => {
    const pos = (Object.keys(EVENT_NAMESPACE) as ServerEventName[]).filter((name) => EVENT_NAMESPACE[name] === 'pos');
    expect([...POS_EVENTS].sort()).toEqual(pos.sort());
  });
});

describe('socket bridge: menu.changed', () => {
  const renamed = aProduct({ id: 'borscht', code: 'borscht', name: 'Борщ по-новому', sort: 1 });
  function setUp() {
    const queryClient = new QueryClient();
    queryClient.setQueryData<Menu>(queryKeys.menu, aMenu({ version: 4, products: [aProduct({ id: 'borscht', code: 'borscht', name: 'Борщ', sort: 1 })] }));
    const bus = createEventBus();
    const heard: unknown[] = [];
    bus.on('menu.changed').subscribe((payload) => heard.push(payload));
    const since: number[] = [];
    const api = {
      menuChanges: async (from: number): Promise<MenuChanges> => {
        since.push(from);
        return { version: 5, changes: [{ kind: 'product', version: 5, product: renamed }] };
      },
      me: () => Promise.reject(new Error('not asked')),
    };
    const disconnect = connectSockets('token', bus, queryClient, api as never);
    return { queryClient, heard, since, disconnect };
  }

  it('puts the event on the bus and catches up with a delta since the cached version', async () => {
    const { queryClient, heard, since, disconnect } = setUp();
    serverSends('menu.changed', { venueId: 'v', menuVersion: 5 });
    await settle();
    expect(heard).toEqual([{ venueId: 'v', menuVersion: 5 }]);
    expect(since).toEqual([4]);
    expect(queryClient.getQueryData<Menu>(queryKeys.menu)).toMatchObject({ version: 5, products: [{ name: 'Борщ по-новому' }] });
    disconnect();
  });

  it('ignores a change the menu already has', async () => {
    const { since, disconnect } = setUp();
    serverSends('menu.changed', { venueId: 'v', menuVersion: 4 });
    await settle();
    expect(since).toEqual([]);
    disconnect();
  });
});
