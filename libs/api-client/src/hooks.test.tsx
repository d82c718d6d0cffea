import type { Menu } from '@pos/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiProvider, useMenu } from './hooks';
import { type PosApi, queryKeys } from './pos-api';

const menu = (version: number): Menu => ({ version, currency: 'RUB', stations: [], categories: [], modifierGroups: [], products: [] });

function setUp(hostLoader?: () => Promise<Menu>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (hostLoader) queryClient.setQueryDefaults(queryKeys.menu, { queryFn: hostLoader, staleTime: Infinity });
  const download = jest.fn(async () => menu(1));
  const api = { menu: download } as unknown as PosApi;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiProvider api={api}>{children}</ApiProvider>
    </QueryClientProvider>
  );
  return { wrapper, download };
}

describe('useMenu', () => {
  it('loads through the host’s loader when the host registered one, never downloading the whole menu', async () => {
    const loader = jest.fn(async () => menu(7));
    const { wrapper, download } = setUp(loader);
    const { result } = renderHook(() => useMenu(), { wrapper });
    await waitFor(() => expect(result.current.data?.version).toBe(7));
    expect(loader).toHaveBeenCalledTimes(1);
    expect(download).not.toHaveBeenCalled();
  });

  it('without a host loader reads GET /pos/menu', async () => {
    const { wrapper, download } = setUp();
    const { result } = renderHook(() => useMenu(), { wrapper });
    await waitFor(() => expect(result.current.data?.version).toBe(1));
    expect(download).toHaveBeenCalledTimes(1);
  });
});
