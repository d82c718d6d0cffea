import type { GiftCardDetails } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation, useQuery } from '@tanstack/react-query';

/**
 * A gift card's balance, status and movements, by its normalized code (null: nothing looked up).
 * Not retried and not refetched on focus: lookups are rate-limited, each one counts.
 */
export function useGiftCard(code: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.giftCard(code ?? ''),
    queryFn: (): Promise<GiftCardDetails> => api.giftCard(code ?? ''),
    enabled: code !== null,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** Blocks or unblocks a card with a reason (`giftcards.block`); the page shows the card as it now stands. */
export function useSetGiftCardBlocked(code: string) {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: ({ isBlocked, reason }: { isBlocked: boolean; reason: string }) => (isBlocked ? api.blockGiftCard(code, reason) : api.unblockGiftCard(code, reason)),
    onSuccess: (details) => queryClient.setQueryData(queryKeys.giftCard(code), details),
  });
}
