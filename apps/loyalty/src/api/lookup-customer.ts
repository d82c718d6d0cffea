import type { CustomerLookup } from '@pos/contracts';
import { type PosApi, useApi } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';

export type CustomerLookupQuery = { qr: string } | { phone: string };

export const lookupCustomer = (api: PosApi, query: CustomerLookupQuery): Promise<CustomerLookup> => api.lookupCustomer(query);

/** Who is this guest: by the QR code they show or by phone. A lookup changes nothing on the server. */
export function useLookupCustomer() {
  const api = useApi();
  return useMutation({ mutationFn: (query: CustomerLookupQuery) => lookupCustomer(api, query) });
}
