import type { AnalyticsExport, AnalyticsExportDataset, StartAnalyticsExportInput } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation, useQuery } from '@tanstack/react-query';

/** How often a queued or running export's status is asked for. */
export const EXPORT_POLL_MS = 1500;

export const isExportActive = (e: Pick<AnalyticsExport, 'status'>) => e.status === 'queued' || e.status === 'running';

/** The venue's recent BI exports, newest first (`admin.analytics`). */
export function useAnalyticsExports() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.analyticsExports, queryFn: () => api.analyticsExports() });
}

/**
 * One export's status, polled while it is queued or running; starts from the list's copy. When it
 * finishes the list is fetched again, so its row keeps the final state.
 */
export function useAnalyticsExport(initial: AnalyticsExport) {
  const api = useApi();
  const { queryClient } = useHost();
  return useQuery({
    queryKey: queryKeys.analyticsExport(initial.id),
    queryFn: async () => {
      const current = await api.analyticsExport(initial.id);
      if (!isExportActive(current)) void queryClient.invalidateQueries({ queryKey: queryKeys.analyticsExports });
      return current;
    },
    initialData: initial,
    // The list's copy is as old as the list; an active one is asked for again at once.
    initialDataUpdatedAt: 0,
    enabled: isExportActive(initial),
    refetchInterval: (query) => (query.state.data && isExportActive(query.state.data) ? EXPORT_POLL_MS : false),
  });
}

/** Starts an export; it joins the top of the list at once. */
export function useStartAnalyticsExport() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (input: StartAnalyticsExportInput) => api.startAnalyticsExport(input),
    onSuccess: (started) => {
      queryClient.setQueryData<{ exports: AnalyticsExport[] }>(queryKeys.analyticsExports, (list) => (list ? { exports: [started, ...list.exports.filter((e) => e.id !== started.id)] } : list));
      void queryClient.invalidateQueries({ queryKey: queryKeys.analyticsExports });
    },
  });
}

/** "export-2026-01-31-0a1b2c3d-orders.csv", as the server names the file. */
export const exportFilename = (e: Pick<AnalyticsExport, 'id' | 'createdAt' | 'format'>, dataset: AnalyticsExportDataset) =>
  `export-${e.createdAt.slice(0, 10)}-${e.id.slice(0, 8)}-${dataset}.${e.format}`;

/**
 * Downloads a dataset's file: fetched with the staff's token through the host's client (a plain
 * link would carry no auth), handed to the browser as an object URL, released afterwards.
 */
export async function downloadExportFile(api: PosApi, e: AnalyticsExport, dataset: AnalyticsExportDataset): Promise<void> {
  const blob = await api.analyticsExportFile(e.id, dataset);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFilename(e, dataset);
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser the moment it needs to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
