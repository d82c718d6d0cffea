import type { HostOutbox } from '@pos/plugin-sdk';
import type { ShellOffline } from './offline';

/**
 * `HostApi.outbox` (host API 1.3): this tablet's unsent payments, answered by the offline layer
 * once its chunk has loaded (it comes after the first paint; nothing of it is imported here).
 */
export function createHostOutbox(offline: Promise<ShellOffline>): HostOutbox {
  return {
    pendingPayments: () => offline.then((o) => o.pendingPayments()),
    subscribe(listener) {
      const onChanged = () => listener();
      let isSubscribed = true;
      void offline.then(({ outbox }) => {
        if (isSubscribed) outbox.events.on('changed', onChanged);
      });
      return () => {
        isSubscribed = false;
        void offline.then(({ outbox }) => outbox.events.off('changed', onChanged));
      };
    },
  };
}
