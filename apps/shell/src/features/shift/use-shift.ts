import { ApiError, queryKeys } from '@pos/api-client';
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

export function useOpenShift() {
  const { api, queryClient } = useServices();
  return useMutation({
    mutationFn: (openingFloat: number) => api.openShift(openingFloat),
    onSuccess: (shift) => queryClient.setQueryData(queryKeys.currentShift, { shift }),
    onError: (error) => {
      // Opened meanwhile on another till: show that shift instead.
      if (error instanceof ApiError && error.code === 'shift.already_open') void queryClient.invalidateQueries({ queryKey: queryKeys.currentShift });
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
}

export function useCloseShift() {
  const { api, queryClient } = useServices();
  return useMutation({
    mutationFn: ({ shiftId, counted, override }: CloseShiftVariables): Promise<ClosedShift> =>
      override?.approval
        ? api.closeShift(shiftId, { counted, force: true, reason: override.reason }, { approval: override.approval })
        : api.closeShift(shiftId, { counted, ...(override ? { force: true, reason: override.reason } : {}) }),
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
