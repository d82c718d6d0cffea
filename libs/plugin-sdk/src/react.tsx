import type { BusEventName, BusEvents, Permission } from '@pos/contracts';
import { ApiProvider } from '@pos/api-client';
import { I18nextProvider } from '@pos/i18n';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import * as ReactDOMClient from 'react-dom/client';
import React from 'react';
import type { LifeCycles } from 'single-spa';
import singleSpaReact from 'single-spa-react';
import type { Connectivity, HostApi, MountedSlot, SlotEntry } from './host-api';
import type { HostProps } from './plugin';
import type { SlotContexts, SlotName } from './slots';

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

const NO_ENTRIES: SlotEntry[] = [];
const noSubscription = () => () => undefined;

/** The remotes that fill a slot, live; none on a host before API 1.2 (no `host.slots`). */
export function useSlotEntries(name: SlotName): SlotEntry[] {
  const { slots } = useHost();
  // entries() builds a new array: keep the last one while the remotes it came from are the same.
  const cache = useRef<{ key: string; entries: SlotEntry[] }>({ key: '', entries: NO_ENTRIES });
  const read = useCallback(() => {
    const entries = slots?.entries(name) ?? NO_ENTRIES;
    const key = JSON.stringify(entries);
    if (key !== cache.current.key) cache.current = { key, entries };
    return cache.current.entries;
  }, [slots, name]);
  return useSyncExternalStore(slots?.subscribe ?? noSubscription, read);
}

export interface HostSlotProps<N extends SlotName> {
  name: N;
  context: SlotContexts[N];
  /** Only this remote's parcel (e.g. the admin page that is open); all of them by default. */
  remote?: string;
  className?: string;
}

/**
 * Another remote's parcels in this remote's screen, mounted by the host (`host.slots`) into a div
 * of their own. Renders an empty div on a host without slots (before API 1.2).
 */
export function HostSlot<N extends SlotName>({ name, context, remote, className }: HostSlotProps<N>) {
  const { slots } = useHost();
  const element = useRef<HTMLDivElement>(null);
  const mounted = useRef<MountedSlot<N> | null>(null);
  useEffect(() => {
    if (!slots || !element.current) return;
    const slot = slots.mount(name, element.current, context, remote === undefined ? undefined : { remote });
    mounted.current = slot;
    return () => {
      mounted.current = null;
      slot.unmount();
    };
    // The context goes through update() below; only a new slot or remote mounts afresh.
  }, [slots, name, remote]);
  useEffect(() => mounted.current?.update(context), [context]);
  return <div ref={element} className={className} data-host-slot={name} />;
}
