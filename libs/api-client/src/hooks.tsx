import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { type PosApi, queryKeys } from './pos-api';

const ApiContext = createContext<PosApi | null>(null);

export function ApiProvider({ api, children }: { api: PosApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): PosApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider>');
  return api;
}

/**
 * The venue's menu. The shell registers how it loads (its copy in IndexedDB brought up to date by
 * a delta, kept live by the socket) as the query's defaults; this hook must not replace that with
 * a download of the whole menu (50,000 dishes at a big venue). Without a host loader (a remote's
 * own tests) it reads `GET /pos/menu`.
 */
export const useMenu = () => {
  const api = useApi();
  const hostLoader = useQueryClient().getQueryDefaults(queryKeys.menu);
  return useQuery(hostLoader.queryFn ? { queryKey: queryKeys.menu } : { queryKey: queryKeys.menu, queryFn: api.menu, staleTime: 60_000 });
};

export const useHalls = () => {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.halls, queryFn: api.halls, staleTime: 300_000 });
};

export const useTables = () => {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.tables, queryFn: () => api.tables() });
};

export const useOrder = (id: string | undefined) => {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.order(id ?? ''), queryFn: () => api.order(id!), enabled: Boolean(id) });
};

export const useTickets = (station?: string) => {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.tickets(station), queryFn: () => api.tickets({ station }) });
};

export const useCurrentShift = () => {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.currentShift, queryFn: api.currentShift });
};
