import type { Menu, ProductStock } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { useReportError } from './use-report-error';

export interface StockChange {
  productId: string;
  /** Portions left; null stops tracking. */
  stock?: number | null;
  isAvailable?: boolean;
}

/** Patches the cached menu with the server's answer, so the row changes before the socket echo. */
const patchMenu = (menu: Menu | undefined, result: ProductStock): Menu | undefined =>
  menu && {
    ...menu,
    version: Math.max(menu.version, result.menuVersion),
    products: menu.products.map((p) => (p.id === result.productId ? { ...p, stock: result.stock, isAvailable: result.isAvailable } : p)),
  };

export function useUpdateStock() {
  const api = useApi();
  const { queryClient } = useHost();
  const reportError = useReportError();
  return useMutation({
    mutationFn: ({ productId, ...change }: StockChange) => api.updateStock(productId, change),
    onSuccess: (result) => queryClient.setQueryData<Menu>(queryKeys.menu, (menu) => patchMenu(menu, result)),
    onError: reportError,
  });
}
