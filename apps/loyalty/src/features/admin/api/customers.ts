import type { CreateCustomerInput, Customer, CustomerCard, CustomerList, UpdateCustomerInput } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';

/** Every page of every search of Admin → Guests (a new or edited guest may move into any of them). */
const ALL_LISTS = ['admin', 'customers'] as const;
const cardsKey = (customerId: string) => ['admin', 'customer-cards', customerId] as const;
const guestCodeKey = (customerId: string) => ['admin', 'guest-code', customerId] as const;

export const CUSTOMERS_PAGE_SIZE = 50;

export const getAdminCustomers = (api: PosApi, query: string, after: string | undefined): Promise<CustomerList> =>
  api.adminCustomers({ query: query.trim() === '' ? undefined : query.trim(), limit: CUSTOMERS_PAGE_SIZE, after });

/** The venue's guests matching a name or phone fragment, newest first, a page at a time. */
export function useAdminCustomers(query: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.adminCustomers(query.trim()),
    queryFn: ({ pageParam }: { pageParam: string | undefined }) => getAdminCustomers(api, query, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    // While the next search runs, the last answer stays on screen (no flash of a spinner per word).
    placeholderData: keepPreviousData,
  });
}

export type SaveCustomer = { id: null; input: CreateCustomerInput } | { id: string; input: UpdateCustomerInput };

/** Adds a guest (`id: null`) or changes one; the lists show it afterwards. */
export function useSaveCustomer() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (save: SaveCustomer): Promise<Customer> => (save.id === null ? api.createCustomer(save.input) : api.updateCustomer(save.id, save.input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ALL_LISTS }),
  });
}

/** A guest's printed cards, revoked ones too. */
export function useCustomerCards(customerId: string) {
  const api = useApi();
  return useQuery({ queryKey: cardsKey(customerId), queryFn: async (): Promise<CustomerCard[]> => (await api.customerCards(customerId)).cards });
}

/** Issues a printed card (a static signed code) and adds it to the guest's list. */
export function useIssueCard(customerId: string) {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: () => api.issueCustomerCard(customerId),
    onSuccess: (card) => queryClient.setQueryData<CustomerCard[]>(cardsKey(customerId), (cards = []) => [card, ...cards.filter((c) => c.id !== card.id)]),
  });
}

/** Revokes a printed card: the till refuses its code from now on. */
export function useRevokeCard(customerId: string) {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (cardId: string) => api.revokeCustomerCard(cardId),
    onSuccess: (card) => queryClient.setQueryData<CustomerCard[]>(cardsKey(customerId), (cards = []) => cards.map((c) => (c.id === card.id ? card : c))),
  });
}

/**
 * The guest app's code for this guest now, made by the server with the venue's key. Fetched
 * afresh each time (never from the cache: an old code is refused at the till); the page asks for
 * the next one itself before this one runs out.
 */
export function useGuestCode(customerId: string) {
  const api = useApi();
  return useQuery({ queryKey: guestCodeKey(customerId), queryFn: () => api.guestCode(customerId), staleTime: 0, gcTime: 0, retry: false });
}

/** Downloads everything the venue keeps about a guest as `guest-<id>.json` (the guest's own copy). */
export async function downloadCustomerExport(api: PosApi, customerId: string): Promise<void> {
  const data = await api.exportCustomer(customerId);
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `guest-${customerId}.json`;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser the moment it needs to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
