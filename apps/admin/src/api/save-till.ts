import type { Till } from '@pos/contracts';
import { type PosApi, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { tillsQueryKey } from './get-tills';
import { newRequestId } from './request-id';

/**
 * A new till (`name`), or a change of one (`id` with a new name and/or archived). A dialog passes
 * one `clientRequestId` for as long as it is open, so saving again after a lost answer does not
 * create the till twice; without one, each call gets its own.
 */
export type SaveTillInput = ({ id?: undefined; name: string } | { id: string; name?: string; archived?: boolean }) & { clientRequestId?: string };

/**
 * `POST /admin/tills` or `PATCH /admin/tills/{id}`. Errors are left to the caller: a taken name is
 * shown at the name field (`till.name_taken`), a refused archive names who holds the till (`till.busy`).
 */
export const saveTill = (api: PosApi, { clientRequestId = newRequestId(), ...input }: SaveTillInput): Promise<Till> => {
  if (input.id === undefined) return api.createTill({ name: input.name, clientRequestId });
  const { id, ...changes } = input;
  return api.updateTill(id, { ...changes, clientRequestId });
};

export function useSaveTill() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (input: SaveTillInput) => saveTill(api, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tillsQueryKey }),
  });
}
