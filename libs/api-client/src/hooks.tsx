import { useQuery } from '@tanstack/react-query';
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

export const useMenu = () => {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.menu, queryFn: api.menu, staleTime: 60_000 });
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
