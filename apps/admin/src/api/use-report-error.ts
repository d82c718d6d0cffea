import { problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { useCallback } from 'react';

/** Every failed call ends up in the host's notifications, in the admin's language (the problem code's text, never the server's English title). */
export function useReportError() {
  const { notify } = useHost();
  const { t } = useTranslation();
  return useCallback((error: unknown) => notify('error', problemText(t, error)), [notify, t]);
}
