import { useHost } from '@pos/plugin-sdk';
import { useCallback } from 'react';

/** Every failed call ends up in the host's notifications; ApiError messages are readable as they are. */
export function useReportError() {
  const { notify } = useHost();
  return useCallback((error: unknown) => notify('error', error instanceof Error ? error.message : String(error)), [notify]);
}
