import type { FloorModeContext, SlotParcel } from '@pos/plugin-sdk';
import { RemoteParcel } from '../../core/plugin-host/slot';

export interface FloorModePanelProps {
  remote: string;
  parcel: SlotParcel<'floor.mode'>;
  context: FloorModeContext;
  /** The mode's parcel failed: the host goes back to the plain floor. */
  onFailed(): void;
}

/** Mounts the active floor mode's parcel beside the map; a failing mode is cut off here. */
export function FloorModePanel({ remote, parcel, context, onFailed }: FloorModePanelProps) {
  return <RemoteParcel name="floor.mode" remote={remote} parcel={parcel} context={context} onFailed={onFailed} />;
}
