import type { FloorModeContext, HostProps } from '@pos/plugin-sdk';
import { Component, type ReactNode } from 'react';
import { mountRootParcel, type ParcelConfigObject } from 'single-spa';
import Parcel from 'single-spa-react/parcel';
import { useServices } from '../../core/services-context';

class ModeErrorBoundary extends Component<{ remote: string; onFailed(): void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.warn(`[floor.mode] ${this.props.remote} crashed`, error);
    this.props.onFailed();
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export interface FloorModePanelProps {
  remote: string;
  parcel: ParcelConfigObject<HostProps>;
  context: FloorModeContext;
  /** The mode's parcel failed: the host goes back to the plain floor. */
  onFailed(): void;
}

/** Mounts the active floor mode's parcel beside the map; a failing mode is cut off here. */
export function FloorModePanel({ remote, parcel, context, onFailed }: FloorModePanelProps) {
  const { host } = useServices();
  return (
    <ModeErrorBoundary remote={remote} onFailed={onFailed}>
      <Parcel
        config={parcel}
        mountParcel={mountRootParcel}
        wrapWith="div"
        wrapClassName={`slot-${remote}`}
        handleError={(error: Error) => {
          console.warn(`[floor.mode] ${remote} failed`, error);
          onFailed();
        }}
        host={host()}
        context={context as unknown as Record<string, unknown>}
      />
    </ModeErrorBoundary>
  );
}
