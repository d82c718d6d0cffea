import type { ClosedShift, OpenShiftSummary } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation, useQuery } from '@tanstack/react-query';

/** Open shifts change as cashiers come and go: the board looks again every 30 s and on focus. */
const REFRESH_MS = 30_000;

/** `GET /pos/shifts/open`: the venue's open shifts — who, which till, since when, open checks; never the expected money. */
export const getOpenShifts = (api: PosApi): Promise<{ shifts: OpenShiftSummary[] }> => api.openShifts();

export const getOpenShiftsQueryOptions = (api: PosApi) => ({ queryKey: queryKeys.openShifts, queryFn: () => getOpenShifts(api) });

export function useOpenShifts() {
  const api = useApi();
  return useQuery({ ...getOpenShiftsQueryOptions(api), refetchInterval: REFRESH_MS, refetchOnWindowFocus: true });
}

export interface BlindCloseInput {
  shiftId: string;
  counted: { cash: number; card: number };
  /** Why a supervisor closes another's shift (audited with both names); the server needs it. */
  reason: string;
  /** One per dialog until the server answers: a retry after a lost answer closes once. */
  clientRequestId: string;
}

/**
 * `POST /pos/shifts/{id}/close` for another's shift (`shifts.close-others`): the counted money
 * and a reason go first; the expected figures and the differences come back only in the answer.
 */
export const closeShiftBlind = (api: PosApi, { shiftId, counted, reason, clientRequestId }: BlindCloseInput): Promise<ClosedShift> =>
  api.closeShift(shiftId, { counted, reason, clientRequestId });

/** Closes blind; then the board, the tills and (if it was the supervisor's own tablet's view) the current shift are read again. */
export function useCloseShiftBlind() {
  const api = useApi();
  const { queryClient } = useHost();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.openShifts });
    void queryClient.invalidateQueries({ queryKey: queryKeys.tills });
    void queryClient.invalidateQueries({ queryKey: queryKeys.currentShift });
  };
  return useMutation({
    mutationFn: (input: BlindCloseInput) => closeShiftBlind(api, input),
    onSuccess: refresh,
    onError: (error) => {
      // Closed meanwhile (by its cashier or another supervisor): the board should stop offering it.
      if ((error as { code?: string }).code === 'shift.closed') refresh();
    },
  });
}
