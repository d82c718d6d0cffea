import { ApiError, newRequestId, queryKeys } from '@pos/api-client';
import type { ClosedShift } from '@pos/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useServices } from '../../core/services-context';

/** Totals move with every payment: refreshed every 30 s, on focus and when an order takes money. */
const REFRESH_MS = 30_000;

export function useLiveCurrentShift() {
  const { api, bus, queryClient } = useServices();
  useEffect(() => {
    const sub = bus.on('order.updated').subscribe(({ order }) => {
      if (order.paid > 0 || order.status !== 'open') void queryClient.invalidateQueries({ queryKey: queryKeys.currentShift });
    });
    return () => sub.unsubscribe();
  }, [bus, queryClient]);
  return useQuery({ queryKey: queryKeys.currentShift, queryFn: api.currentShift, refetchInterval: REFRESH_MS, refetchOnWindowFocus: true });
}

/**
 * The tills a shift may open on and this tablet's till, for the open-shift form's picker. Not
 * retried: offline (or on a server without tills) the form opens a shift without a picker, as
 * before tills, rather than wait.
 */
export function useTills() {
  const { api } = useServices();
  return useQuery({ queryKey: queryKeys.tills, queryFn: api.tills, retry: false, refetchOnWindowFocus: true });
}

export interface OpenShiftVariables {
  openingFloat: number;
  /** The till picked in the form; none: the server's default (the tablet's till, or a personal drawer). */
  tillId?: string;
  /** One per form: opening again after a lost answer opens one shift. */
  clientRequestId?: string;
}

export function useOpenShift() {
  const { api, queryClient } = useServices();
  return useMutation({
    mutationFn: ({ openingFloat, tillId, clientRequestId = newRequestId() }: OpenShiftVariables) => api.openShift(openingFloat, { tillId, clientRequestId }),
    onSuccess: (shift) => {
      queryClient.setQueryData(queryKeys.currentShift, { shift });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tills });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      // Opened meanwhile on another tablet: show that shift instead.
      if (error.code === 'shift.already_open') void queryClient.invalidateQueries({ queryKey: queryKeys.currentShift });
      // Someone took the till, or it was archived, since the picker loaded: show the tills as they are.
      if (error.code === 'till.busy' || error.status === 400) void queryClient.invalidateQueries({ queryKey: queryKeys.tills });
    },
  });
}

export interface CloseShiftVariables {
  shiftId: string;
  counted: { cash: number; card: number };
  /**
   * Only with a reason, and only for staff who may close over open checks — or with a
   * supervisor's inline approval token for this one close.
   */
  override?: { reason: string; approval?: string };
  /** Closing someone else's shift (a colleague's on this till, or as a supervisor): why — the server asks for it. */
  reason?: string;
}

export function useCloseShift() {
  const { api, queryClient } = useServices();
  return useMutation({
    mutationFn: ({ shiftId, counted, override, reason }: CloseShiftVariables): Promise<ClosedShift> =>
      override?.approval
        ? api.closeShift(shiftId, { counted, force: true, reason: override.reason }, { approval: override.approval })
        : api.closeShift(shiftId, { counted, ...(override ? { force: true, reason: override.reason } : reason ? { reason } : {}) }),
    onSuccess: () => queryClient.setQueryData(queryKeys.currentShift, { shift: null }),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'shift.closed') void queryClient.invalidateQueries({ queryKey: queryKeys.currentShift });
    },
  });
}

/** The open checks a refused close names (409 shift.open_checks), or null for any other failure. */
export function openCheckIds(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'shift.open_checks') return null;
  const ids = error.problem.orderIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
