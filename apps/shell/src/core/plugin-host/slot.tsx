import type { SlotName } from '@pos/plugin-sdk';
import { Component, type ReactNode } from 'react';
import { mountRootParcel } from 'single-spa';
import Parcel from 'single-spa-react/parcel';
import { useServices, useSubject } from '../services-context';

class SlotErrorBoundary extends Component<{ remote: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.warn(`[slot] ${this.props.remote} crashed`, error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * A named place in a core screen where loaded remotes mount their parcels. A remote that throws
 * is cut off here; the screen around it keeps working.
 */
export function Slot({ name, context, className }: { name: SlotName; context?: Record<string, unknown>; className?: string }) {
  const { pluginHost, host } = useServices();
  useSubject(pluginHost.remotes$);
  const parcels = pluginHost.slot(name);
  if (parcels.length === 0) return null;
  return (
    <div className={className} data-slot={name}>
      {parcels.map(({ remote, parcel }) => (
        <SlotErrorBoundary key={remote} remote={remote}>
          <Parcel
            config={parcel}
            mountParcel={mountRootParcel}
            wrapWith="div"
            wrapClassName={`slot-${remote}`}
            handleError={(error: Error) => console.warn(`[slot] ${remote} failed`, error)}
            host={host()}
            context={context}
          />
        </SlotErrorBoundary>
      ))}
    </div>
  );
}
