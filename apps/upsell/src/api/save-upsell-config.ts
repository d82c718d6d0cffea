import type { SaveUpsellConfigInput, UpsellConfig } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';

export const saveUpsellConfig = (api: PosApi, productId: string, input: SaveUpsellConfigInput) => api.saveUpsellConfig(productId, input);
export const deleteUpsellConfig = (api: PosApi, productId: string) => api.deleteUpsellConfig(productId);

/** Both answer with the config as it now stands: the cache takes it at once. */
function useConfigCommand<V>(run: (api: PosApi, vars: V) => Promise<UpsellConfig>) {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (vars: V) => run(api, vars),
    onSuccess: (config) => queryClient.setQueryData(queryKeys.upsellConfig(config.productId), config),
  });
}

export const useSaveUpsellConfig = () => useConfigCommand((api, v: { productId: string; input: SaveUpsellConfigInput }) => saveUpsellConfig(api, v.productId, v.input));
export const useDeleteUpsellConfig = () => useConfigCommand((api, productId: string) => deleteUpsellConfig(api, productId));
