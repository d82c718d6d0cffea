import { applyChanges, type Menu, type ProductStock } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { useReportError } from './use-report-error';

export interface StockChange {
  productId: string;
  /** Portions left; null stops tracking. */
  stock?: number | null;
  isAvailable?: boolean;
}

/**
 * Patches the cached menu with the server's answer, so the row changes before the socket echo.
 * The menu's version moves only when this is exactly the next change: over a gap (others' changes
 * not here yet) the row is patched and the version kept, so the catch-up delta still brings the
 * rest — claiming the newer version would skip them for good.
 */
export function patchMenu(menu: Menu | undefined, result: ProductStock): Menu | undefined {
  if (!menu || result.menuVersion <= menu.version) return menu;
  const change = { kind: 'stock' as const, version: result.menuVersion, productId: result.productId, stock: result.stock, isAvailable: result.isAvailable };
  if (result.menuVersion === menu.version + 1) return applyChanges(menu, [change]);
  return { ...menu, products: menu.products.map((p) => (p.id === result.productId ? { ...p, stock: result.stock, isAvailable: result.isAvailable } : p)) };
}

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
