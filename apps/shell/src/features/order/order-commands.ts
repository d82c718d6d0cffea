import { ApiError, type PosApi, queryKeys } from '@pos/api-client';
import { type AddItemInput, type CreatePaymentInput, type Order, type PaymentResult, type SendOrderResult, type Split, standingQuantity } from '@pos/contracts';
import type { QueryClient } from '@tanstack/react-query';

type ToastKind = 'info' | 'success' | 'warning' | 'error';

export interface OrderCommandDeps {
  api: Pick<PosApi, 'order' | 'addItems' | 'updateLine' | 'voidLine' | 'updateOrder' | 'splitOrder' | 'sendOrder' | 'pay'>;
  queryClient: QueryClient;
  notify(kind: ToastKind, message: string): void;
  /** Localized text of the version-conflict toast. */
  conflictMessage: string;
  /** Staff's sentence for a refused command (the problem code's text, never the server's English title). */
  describeError?(error: unknown): string;
  onPendingChange?(pending: number): void;
}

interface RunOptions {
  /** The caller shows the error itself (the pay dialog); no toast. */
  rethrow?: boolean;
}

/**
 * Every change of one order, run one after another. Each command reads the order's version
 * from the query cache when its turn comes — not when the button was tapped — so quick taps
 * (+ + +) never trip over their own version bumps. The server's answer replaces the cached
 * order at once. When someone else changed the order (409 order.version_conflict) the order is
 * refetched and the waiter told; nothing is retried blindly on top of a colleague's change.
 */
export function createOrderCommands(orderId: string, deps: OrderCommandDeps) {
  const { api, queryClient } = deps;
  const key = queryKeys.order(orderId);
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;

  const latest = async (): Promise<Order> => queryClient.getQueryData<Order>(key) ?? queryClient.fetchQuery({ queryKey: key, queryFn: () => api.order(orderId) });

  const setPending = (delta: number) => {
    pending += delta;
    deps.onPendingChange?.(pending);
  };

  async function recover(error: unknown, options: RunOptions) {
    if (error instanceof ApiError && error.code === 'order.version_conflict') {
      // Mark it stale for every screen, then fetch it once and wait: the next queued command
      // must see the fresh version.
      void queryClient.invalidateQueries({ queryKey: key, refetchType: 'none' });
      await queryClient.fetchQuery({ queryKey: key, queryFn: () => api.order(orderId), staleTime: 0 }).catch(() => undefined);
      if (!options.rethrow) deps.notify('warning', deps.conflictMessage);
      return;
    }
    if (error instanceof ApiError && (error.code === 'menu.out_of_stock' || error.code === 'menu.unavailable')) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.menu });
    }
    if (error instanceof ApiError && (error.code === 'order.closed' || error.code === 'line.fired' || error.code === 'line.voided')) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
    if (!options.rethrow) deps.notify('error', deps.describeError ? deps.describeError(error) : error instanceof Error ? error.message : String(error));
  }

  function run<T>(work: (order: Order) => Promise<T>, orderOf: (result: T) => Order, options: RunOptions = {}): Promise<T | undefined> {
    setPending(1);
    const step = tail.then(async () => {
      try {
        const result = await work(await latest());
        const next = orderOf(result);
        // A late answer (offline: a local view read before a retried command was acknowledged)
        // never rolls the screen back to an older version.
        queryClient.setQueryData<Order>(key, (cached) => (cached && cached.version > next.version ? cached : next));
        return result;
      } catch (error) {
        await recover(error, options);
        if (options.rethrow) throw error;
        return undefined;
      } finally {
        setPending(-1);
      }
    });
    tail = step.catch(() => undefined);
    return step;
  }

  const same = (order: Order) => order;
  const lineOf = (order: Order, lineId: string) => {
    const line = order.lines.find((l) => l.id === lineId);
    if (!line) throw new ApiError(404, { type: 'about:blank', title: 'This line is no longer in the order', status: 404, code: 'line.not_found' });
    return line;
  };

  return {
    addItem: (item: AddItemInput) => run(() => api.addItems(orderId, [item]), same),

    /** Changes the standing quantity by `delta`, counted from the order as it is when the command runs. */
    changeQuantity: (lineId: string, delta: number) =>
      run((order) => api.updateLine(orderId, lineId, { version: order.version, quantity: standingQuantity(lineOf(order, lineId)) + delta }), same),

    editLine: (lineId: string, patch: { note?: string | null; course?: number }) => run((order) => api.updateLine(orderId, lineId, { version: order.version, ...patch }), same),

    /** `approval`: a supervisor's approval token for this one void (sent straight to the server, never queued). */
    voidLine: (lineId: string, quantity: number, reason?: string, approval?: string) =>
      run((order) => {
        const body = { version: order.version, quantity, ...(reason ? { reason } : {}) };
        return approval ? api.voidLine(orderId, lineId, body, { approval }) : api.voidLine(orderId, lineId, body);
      }, same),

    setGuests: (guests: number) => run((order) => api.updateOrder(orderId, { version: order.version, guests }), same),

    /** Holds or releases a course (its lines wait until it is fired explicitly). */
    setCourseHeld: (course: number, isHeld: boolean) =>
      run((order) => {
        const held = new Set(order.heldCourses);
        if (isHeld) held.add(course);
        else held.delete(course);
        return api.updateOrder(orderId, { version: order.version, heldCourses: [...held].sort() });
      }, same),

    split: (split: Split | null) => run((order) => api.splitOrder(orderId, order.version, split), same),

    /** Fires what changed (all courses not held, or just `courses`); resolves to the tickets made. */
    fire: (courses?: number[]) => run<SendOrderResult>(() => api.sendOrder(orderId, courses), (r) => r.order),

    pay: (input: Omit<CreatePaymentInput, 'orderId'>) => run<PaymentResult>(() => api.pay({ orderId, ...input }), (r) => r.order, { rethrow: true }),
  };
}

export type OrderCommands = ReturnType<typeof createOrderCommands>;
