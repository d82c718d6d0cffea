import { problemText } from '@pos/i18n';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services-context';
import { createOrderCommands } from './order-commands';

/** The order's command queue for a screen, with how many commands are still running. */
export function useOrderCommands(orderId: string) {
  const { api, queryClient, bus } = useServices();
  const { t } = useTranslation('order');
  const [pending, setPending] = useState(0);
  const conflictMessage = t('toast.conflict');
  const commands = useMemo(
    () =>
      createOrderCommands(orderId, {
        api,
        queryClient,
        notify: (kind, message) => bus.emit('notification.toast', { kind, message }),
        conflictMessage,
        describeError: (error) => problemText(t, error),
        onPendingChange: setPending,
      }),
    [orderId, api, queryClient, bus, conflictMessage, t],
  );
  return { commands, pending };
}
