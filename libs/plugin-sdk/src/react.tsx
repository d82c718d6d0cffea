import type { BusEventName, BusEvents, Permission } from '@pos/contracts';
import { ApiProvider } from '@pos/api-client';
import { I18nextProvider } from '@pos/i18n';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import * as ReactDOMClient from 'react-dom/client';
import React from 'react';
import type { LifeCycles } from 'single-spa';
import singleSpaReact from 'single-spa-react';
import type { Connectivity, HostApi } from './host-api';
import type { HostProps } from './plugin';

const HostContext = createContext<HostApi | null>(null);

/** Gives a React tree the host: query client, api client, i18n and the HostApi itself. */
export function HostProvider({ host, children }: { host: HostApi; children: ReactNode }) {
  return (
    <HostContext.Provider value={host}>
      <QueryClientProvider client={host.queryClient}>
        <ApiProvider api={host.api}>
          <I18nextProvider i18n={host.i18n}>{children}</I18nextProvider>
        </ApiProvider>
      </QueryClientProvider>
    </HostContext.Provider>
  );
}

export function useHost(): HostApi {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost needs a <HostProvider>');
  return host;
}

export const useCan = (permission: Permission): boolean => useHost().can(permission);

/** Subscribes to one bus event for the component's lifetime. */
export function useBusEvent<N extends BusEventName>(name: N, handler: (payload: BusEvents[N]) => void): void {
  const { bus } = useHost();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const sub = bus.on(name).subscribe((p) => latest.current(p));
    return () => sub.unsubscribe();
  }, [bus, name]);
}

/** The host's connectivity (online / offline / syncing + queued commands), live. */
export function useConnectivity(): Connectivity {
  const host = useHost();
  const [state, setState] = useState<Connectivity>(() => host.connectivity());
  useBusEvent('connectivity.changed', setState);
  return state;
}

/**
 * single-spa lifecycles for a React component (a route or a slot's parcel). It renders with the
 * host's React (shared singleton) inside a HostProvider; a crash stays inside the remote.
 */
export function reactLifecycles<P extends HostProps>(Component: ComponentType<P>): LifeCycles<P> {
  const Root = (props: P) => (
    <HostProvider host={props.host}>
      <Component {...props} />
    </HostProvider>
  );
  return singleSpaReact({
    React,
    ReactDOMClient,
    rootComponent: Root,
    errorBoundary: () => <div role="alert">⚠</div>,
  }) as unknown as LifeCycles<P>;
}
