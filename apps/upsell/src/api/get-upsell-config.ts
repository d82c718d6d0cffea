import type { UpsellConfig } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export const getUpsellConfig = (api: PosApi, productId: string): Promise<UpsellConfig> => api.upsellConfig(productId);

export const getUpsellConfigQueryOptions = (api: PosApi, productId: string) => ({
  queryKey: queryKeys.upsellConfig(productId),
  queryFn: () => getUpsellConfig(api, productId),
});

/** A product's add-ons and combos with each rule's accept rate (null: no product picked). */
export function useUpsellConfig(productId: string | null) {
  const api = useApi();
  return useQuery({ ...getUpsellConfigQueryOptions(api, productId ?? ''), enabled: productId !== null });
}
