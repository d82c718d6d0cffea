import { useHost } from '@pos/plugin-sdk';
import { useEffect, useState } from 'react';

/** The host storage key of a staff member's choice on this tablet (true: folded to one line). */
export const collapsedKey = (staffId: string) => `finance-dashboard.collapsed.${staffId}`;

/** How long the widget waits for the stored choice before it goes with the default. */
export const STORED_CHOICE_WAIT_MS = 1_000;

export interface Collapsed {
  collapsed: boolean;
  /** False until the stored choice was read (or given up on): the widget shows its loading line. */
  isReady: boolean;
  setCollapsed(collapsed: boolean): void;
}

/**
 * Whether the widget is folded to its one line: the staff member's own choice on this tablet
 * (`host.storage`, per staff id), else `byDefault`. A choice made while the stored one is still
 * being read wins over it; storage failing only means the choice lasts until the widget unmounts.
 */
export function useCollapsed(byDefault: boolean): Collapsed {
  const { storage, session } = useHost();
  const key = collapsedKey(session.staff.id);
  const [choice, setChoice] = useState<{ key: string; collapsed?: boolean } | null>(null);

  useEffect(() => {
    let isMounted = true;
    const settle = (collapsed: boolean | undefined) => {
      if (isMounted) setChoice((current) => (current?.key === key ? current : { key, collapsed }));
    };
    const giveUp = setTimeout(() => settle(undefined), STORED_CHOICE_WAIT_MS);
    storage.get<unknown>(key).then(
      (stored) => settle(typeof stored === 'boolean' ? stored : undefined),
      () => settle(undefined),
    );
    return () => {
      isMounted = false;
      clearTimeout(giveUp);
    };
  }, [storage, key]);

  const isReady = choice?.key === key;
  return {
    collapsed: (isReady ? choice.collapsed : undefined) ?? byDefault,
    isReady,
    setCollapsed: (collapsed) => {
      setChoice({ key, collapsed });
      storage.set(key, collapsed).catch(() => undefined);
    },
  };
}
