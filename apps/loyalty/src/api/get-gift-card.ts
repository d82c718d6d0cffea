import type { GiftCardDetails } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export const getGiftCard = (api: PosApi, code: string): Promise<GiftCardDetails> => api.giftCard(code);

export const getGiftCardQueryOptions = (api: PosApi, code: string) => ({
  queryKey: queryKeys.giftCard(code),
  queryFn: () => getGiftCard(api, code),
  // Lookups are rate-limited: a card checked a moment ago is not asked again on every render.
  staleTime: 15_000,
});

/** A gift card's balance, status and expiry, once a well-formed code (`code` normalized) is given. */
export function useGiftCard(code: string | null) {
  const api = useApi();
  return useQuery({ ...getGiftCardQueryOptions(api, code ?? ''), enabled: code !== null });
}
