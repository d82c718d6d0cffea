import type { SlotContexts, SlotName, SlotParcel } from '@pos/plugin-sdk';
import { Component, type ReactNode } from 'react';
import { mountRootParcel } from 'single-spa';
import Parcel from 'single-spa-react/parcel';
import { useServices, useSubject } from '../services-context';

class SlotErrorBoundary extends Component<{ label: string; onFailed?(): void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.warn(`[${this.props.label}] crashed`, error);
    this.props.onFailed?.();
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export interface RemoteParcelProps<N extends SlotName> {
  name: N;
  remote: string;
  parcel: SlotParcel<N>;
  context: SlotContexts[N];
  /** The parcel threw or failed to mount; it is cut off either way. */
  onFailed?(): void;
}

/** One remote's parcel in slot `N`, with the slot's typed context; a crash stays inside it. */
export function RemoteParcel<N extends SlotName>({ name, remote, parcel, context, onFailed }: RemoteParcelProps<N>) {
  const { host } = useServices();
  const label = `${name}: ${remote}`;
  return (
    <SlotErrorBoundary label={label} onFailed={onFailed}>
      <Parcel
        config={parcel}
        mountParcel={mountRootParcel}
        wrapWith="div"
        wrapClassName={`slot-${remote}`}
        handleError={(error: Error) => {
          console.warn(`[${label}] failed`, error);
          onFailed?.();
        }}
        host={host()}
        context={context}
      />
    </SlotErrorBoundary>
  );
}

export interface SlotProps<N extends SlotName> {
  name: N;
  /** What the slot's parcels receive, typed by `SlotContexts` in plugin-sdk. */
  context: SlotContexts[N];
  /** Only this remote's parcel; every loaded remote's by default. */
  remote?: string;
  className?: string;
}

/**
 * A named place in a core screen where loaded remotes mount their parcels. Without a remote that
 * fills it, it renders nothing. A remote that throws is cut off here; the screen keeps working.
 */
export function Slot<N extends SlotName>({ name, context, remote, className }: SlotProps<N>) {
  const { pluginHost } = useServices();
  useSubject(pluginHost.remotes$);
  const parcels = pluginHost.slot(name).filter((p) => remote === undefined || p.remote === remote);
  if (parcels.length === 0) return null;
  return (
    <div className={className} data-slot={name}>
      {parcels.map(({ remote: owner, parcel }) => (
        <RemoteParcel key={owner} name={name} remote={owner} parcel={parcel} context={context} />
      ))}
    </div>
  );
}

/** The context of a slot that hands its parcels nothing but the host. */
export const NO_CONTEXT: SlotContexts['header.indicators'] = {};
