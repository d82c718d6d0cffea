import type { SlotParcel } from '@pos/plugin-sdk';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSubject } from '../../core/services-context';

export interface FloorMode {
  /** The remote contributing the mode; also the mode's id. */
  remote: string;
  title: string;
  parcel: SlotParcel<'floor.mode'>;
}

/** The floor modes of the loaded remotes (their `floor.mode` parcels), live as remotes come and go. */
export function useFloorModes(): FloorMode[] {
  const { pluginHost } = useServices();
  const remotes = useSubject(pluginHost.remotes$);
  const { t } = useTranslation('floor');
  return useMemo(
    () =>
      remotes.flatMap((r) => {
        const parcel = r.status === 'loaded' ? r.plugin?.slots?.['floor.mode'] : undefined;
        if (!parcel || !r.plugin) return [];
        const key = r.plugin.floorMode?.title ?? r.name;
        return [{ remote: r.name, title: t(key, { ns: r.plugin.id, defaultValue: key }), parcel }];
      }),
    [remotes, t],
  );
}
