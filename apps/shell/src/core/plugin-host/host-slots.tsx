import type { HostSlots, SlotContexts, SlotName } from '@pos/plugin-sdk';
import { createRoot } from 'react-dom/client';
import type { ShellServices } from '../services';
import { ServicesContext } from '../services-context';
import { Slot } from './slot';

/**
 * `HostApi.slots` (host API 1.2): a remote mounts other remotes' slots into its own screen (the
 * Admin remote's pages from other remotes). Each mount is the shell's own `<Slot>` in a React root
 * of its own inside the remote's element, so the parcels there behave as in the core screens.
 */
export function createHostSlots(services: () => ShellServices): HostSlots {
  return {
    entries: (name) => services().pluginHost.slotEntries(name),
    subscribe(listener) {
      const subscription = services().pluginHost.remotes$.subscribe(() => listener());
      return () => subscription.unsubscribe();
    },
    mount<N extends SlotName>(name: N, element: HTMLElement, context: SlotContexts[N], options?: { remote?: string }) {
      const root = createRoot(element);
      const render = (next: SlotContexts[N]) =>
        root.render(
          <ServicesContext.Provider value={services()}>
            <Slot name={name} context={next} remote={options?.remote} />
          </ServicesContext.Provider>,
        );
      render(context);
      return {
        update: render,
        // The remote unmounts it from its own effects: React must finish that commit first.
        unmount: () => queueMicrotask(() => root.unmount()),
      };
    },
  };
}
