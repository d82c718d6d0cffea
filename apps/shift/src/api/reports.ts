import type { ShiftReportFormat, ShiftReportLang, ZReportList } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';

/** The report's language: the tablet's, when the server has it; Russian otherwise. */
export const reportLang = (language: string): ShiftReportLang => (language.startsWith('en') ? 'en' : 'ru');

/** The shift's report (an X while open, its Z once closed) as the server renders it. */
export const getShiftReport = (api: PosApi, shiftId: string, format: ShiftReportFormat, lang: ShiftReportLang): Promise<Blob> => api.shiftReport(shiftId, { format, lang });

/** The report's HTML page, fetched afresh on every open (an X changes with every payment). */
export function useShiftReportHtml(shiftId: string, lang: ShiftReportLang, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['shift', 'report', shiftId, lang],
    queryFn: async () => (await getShiftReport(api, shiftId, 'html', lang)).text(),
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

/**
 * Downloads the report's PDF: fetched with the staff's token through the host's client (a plain
 * link would carry no auth), handed to the browser as an object URL, released afterwards.
 */
export async function downloadShiftReportPdf(api: PosApi, shiftId: string, lang: ShiftReportLang, filename: string): Promise<void> {
  const blob = await getShiftReport(api, shiftId, 'pdf', lang);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser the moment it needs to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** "z-0007.pdf", as the server names it. */
export const zFilename = (number: number | null, shiftId: string) => (number ? `z-${String(number).padStart(4, '0')}.pdf` : `x-${shiftId.slice(0, 8)}.pdf`);

/** The Z issued when the shift closed (the close's result shows its number). */
export function useShiftZReport(shiftId: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.shiftZReport(shiftId), queryFn: () => api.shiftZReport(shiftId) });
}

const PAGE = 50;

/** The venue's Z archive, newest first, a page at a time. */
export function useZReports() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.zReports,
    queryFn: ({ pageParam }: { pageParam: string | undefined }): Promise<ZReportList> => api.zReports({ limit: PAGE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The chain check, run when the archive opens and on demand. */
export function useZChainCheck() {
  const api = useApi();
  return useQuery({ queryKey: [...queryKeys.zReports, 'verify'], queryFn: () => api.verifyZReports(), staleTime: 0 });
}

/** After a reprint the archive's print counts are stale. */
export function useRefreshZReports() {
  const { queryClient } = useHost();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.zReports });
}
