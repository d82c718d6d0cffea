import type { CashMovement, RecordCashMovementInput } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation, useQuery } from '@tanstack/react-query';

export const getCashMovements = (api: PosApi, shiftId: string): Promise<CashMovement[]> => api.cashMovements(shiftId);

export const getCashMovementsQueryOptions = (api: PosApi, shiftId: string) => ({
  queryKey: queryKeys.cashMovements(shiftId),
  queryFn: () => getCashMovements(api, shiftId),
});

/** The shift's cash movements, oldest first. Offline a failed refetch keeps the last list. */
export function useCashMovements(shiftId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({ ...getCashMovementsQueryOptions(api, shiftId), enabled });
}

export const recordCashMovement = (api: PosApi, shiftId: string, input: RecordCashMovementInput) => api.recordCashMovement(shiftId, input);

/**
 * Records a movement; then the list and the shell's current shift are refetched, so the shift
 * screen's expected cash counts it.
 */
export function useRecordCashMovement(shiftId: string) {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (input: RecordCashMovementInput) => recordCashMovement(api, shiftId, input),
    onSuccess: (movement) => {
      queryClient.setQueryData<CashMovement[]>(queryKeys.cashMovements(shiftId), (list) => (list && !list.some((m) => m.id === movement.id) ? [...list, movement] : list));
      void queryClient.invalidateQueries({ queryKey: queryKeys.cashMovements(shiftId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.currentShift });
    },
  });
}
