import { isQueued } from '@pos/offline';
import { ApiError, queryKeys, useMenu, useOrder, useTables } from '@pos/api-client';
import { isOrderOnServer, type Order, type OrderLine, type Product } from '@pos/contracts';
import { problemCode, problemText } from '@pos/i18n';
import { Button, Spinner } from '@pos/ui';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, orderBackPath } from '../../core/router';
import { useServices } from '../../core/services-context';
import { GuestsDialog } from './guests-dialog';
import { LineEditDialog } from './line-edit-dialog';
import { MenuPanel } from './menu-panel';
import { groupsOf } from './modifier-selection';
import { ModifiersDialog } from './modifiers-dialog';
import { decreaseAction } from './order-lines';
import { OrderPanel, type OrderPermissions } from './order-panel';
import { type OrderPane, PaneSwitch, paneId } from './pane-switch';
import { useLinesAwaitingFire } from './pending-fires';
import styles from './order-screen.module.css';
import { PayDialog } from './pay-dialog';
import { SplitDialog } from './split-dialog';
import { useOrderCommands } from './use-order-commands';
import { VoidDialog } from './void-dialog';

type OpenDialog =
  | { kind: 'modifiers'; product: Product }
  | { kind: 'edit'; lineId: string }
  | { kind: 'void'; lineId: string; quantity: number }
  | { kind: 'guests' }
  | { kind: 'split' }
  | { kind: 'pay' }
  | null;

/** Taking an order at a table: the menu on the left, the order on the right (portrait: one pane at a time). */
export function OrderScreen({ orderId }: { orderId: string }) {
  const { t } = useTranslation('order');
  const orderQuery = useOrder(orderId);
  const order = orderQuery.data;
  // An order taken offline opens under a temporary id; once the server has it, follow its real id
  // (live updates from other tablets and the server's answers are filed under that one).
  const serverId = order && order.id !== orderId && isOrderOnServer(order) ? order.id : null;
  useEffect(() => {
    if (serverId) navigate(`/order/${serverId}${window.location.search}`, true);
  }, [serverId]);

  if (!order) {
    const isMissing = orderQuery.error instanceof ApiError && orderQuery.error.status === 404;
    return (
      <div className={styles.state} data-testid="order-screen" data-order={orderId}>
        {orderQuery.isPending ? (
          <Spinner label={t('common:loading')} />
        ) : (
          <>
            <p>{isMissing ? t('notFound') : t('loadFailed', { message: problemText(t, orderQuery.error) })}</p>
            <div className={styles.stateActions}>
              <Button onClick={() => navigate(orderBackPath())}>{t('actions.back')}</Button>
              {!isMissing && <Button onClick={() => void orderQuery.refetch()}>{t('retry')}</Button>}
            </div>
          </>
        )}
      </div>
    );
  }
  return <OrderWorkspace order={order} />;
}

function OrderWorkspace({ order }: { order: Order }) {
  const { api, bus, queryClient, host } = useServices();
  const { session, can } = host();
  const currency = session.venue.currency;
  const { t } = useTranslation('order');
  const menu = useMenu();
  // Dishes taken off sale since they were put on the order (the menu cache follows the socket).
  const stopListed = useMemo(() => new Set((menu.data?.products ?? []).filter((p) => !p.isAvailable).map((p) => p.id)), [menu.data]);
  const { commands, pending } = useOrderCommands(order.id);
  const awaitingFire = useLinesAwaitingFire(order);
  const [course, setCourse] = useState(1);
  const [selectedLineId, setSelectedLineId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const tableClosed = useTableClosedElsewhere(order);
  const toast = (kind: 'info' | 'success' | 'warning' | 'error', message: string) => bus.emit('notification.toast', { kind, message });

  const permissions: OrderPermissions = {
    canEdit: can('orders.edit'),
    canFire: can('orders.fire'),
    canSplit: can('orders.split'),
    canPay: can('payments.take'),
    canCloseTable: can('tables.close') && !tableClosed,
  };
  const isOpen = order.status === 'open';
  const lockedReason = order.status === 'paid' ? t('readOnly.paid') : order.status === 'void' ? t('readOnly.void') : !permissions.canEdit ? t('readOnly.noEdit') : null;
  // Portrait: a table with nothing on it yet opens on the menu, any other on the order.
  const [pane, setPane] = useState<OrderPane>(() => (order.lines.length === 0 && lockedReason === null ? 'menu' : 'order'));
  const lineById = (id: string) => order.lines.find((l) => l.id === id);
  const close = () => setDialog(null);

  const pick = (product: Product) => {
    const groups = groupsOf(product, menu.data?.modifierGroups ?? []);
    if (groups.length > 0) setDialog({ kind: 'modifiers', product });
    else void commands.addItem({ productId: product.id, quantity: 1, course });
  };

  const changeQuantity = (line: OrderLine, delta: number) => {
    if (delta > 0) void commands.changeQuantity(line.id, 1);
    else if (decreaseAction(line) === 'decrease') void commands.changeQuantity(line.id, -1);
    else setDialog({ kind: 'void', lineId: line.id, quantity: 1 });
  };

  const fire = async (courses?: number[]) => {
    // The tapped line folds back once fired: the list stays short and follows the waiter.
    setSelectedLineId(null);
    const result = await commands.fire(courses);
    if (!result) return;
    if (isQueued(result)) toast('warning', t('toast.fireQueued'));
    else if (result.tickets.length === 0) toast('info', t('toast.nothingToFire'));
    else if (courses?.length === 1) toast('success', t('toast.courseFired', { course: courses[0] }));
    else toast('success', t('toast.fired', { count: result.tickets.length }));
  };

  const closeTable = async () => {
    if (!order.tableId) return;
    try {
      await api.closeTable(order.tableId);
      toast('success', t('toast.tableClosed', { label: order.tableLabel ?? '' }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
      void queryClient.invalidateQueries({ queryKey: queryKeys.order(order.id) });
      navigate('/floor');
    } catch (error) {
      toast('error', problemText(t, error));
      // Closed meanwhile on another tablet: bring the table (and the screen's offer) up to date.
      if (problemCode(error) === 'table.not_open') void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
    }
  };

  const dialogLine = dialog && (dialog.kind === 'edit' || dialog.kind === 'void') ? lineById(dialog.lineId) : undefined;

  return (
    <div className={styles.screen} data-testid="order-screen" data-order={order.id} data-pane={pane}>
      <div className={styles.paneSwitch}>
        <PaneSwitch order={order} currency={currency} pane={pane} onChange={setPane} />
      </div>
      <div className={styles.menu} id={paneId('menu')} role="tabpanel" aria-labelledby={`${paneId('menu')}-tab`}>
        {menu.data ? (
          <MenuPanel menu={menu.data} order={order} currency={currency} course={course} onCourseChange={setCourse} lockedReason={lockedReason} onPick={pick} />
        ) : menu.isPending ? (
          <Spinner label={t('common:loading')} />
        ) : (
          <div className={styles.state}>
            <p>{t('menu.loadFailed', { message: problemText(t, menu.error) })}</p>
            <Button onClick={() => void menu.refetch()}>{t('retry')}</Button>
          </div>
        )}
      </div>

      <div className={styles.order} id={paneId('order')} role="tabpanel" aria-labelledby={`${paneId('order')}-tab`}>
      <OrderPanel
        order={order}
        currency={currency}
        pending={pending}
        stopListedProductIds={stopListed}
        awaitingFireLineIds={awaitingFire}
        permissions={permissions}
        tableNotice={tableClosed ? t('tableClosedElsewhere', { label: order.tableLabel ?? '' }) : null}
        selectedLineId={selectedLineId}
        onSelectLine={(line) => setSelectedLineId(line?.id ?? null)}
        onQuantity={changeQuantity}
        onEditLine={(line) => setDialog({ kind: 'edit', lineId: line.id })}
        onVoidLine={(line) => setDialog({ kind: 'void', lineId: line.id, quantity: line.quantity - line.voidedQuantity })}
        onCourseHeld={(c, held) => void commands.setCourseHeld(c, held)}
        onFireCourse={(c) => void fire([c])}
        onBack={() => navigate(orderBackPath())}
        onGuests={() => setDialog({ kind: 'guests' })}
        onFire={() => void fire()}
        onSplit={() => setDialog({ kind: 'split' })}
        onPay={() => setDialog({ kind: 'pay' })}
        onCloseTable={() => void closeTable()}
      />
      </div>

      {dialog?.kind === 'modifiers' && menu.data && (
        <ModifiersDialog
          product={dialog.product}
          groups={groupsOf(dialog.product, menu.data.modifierGroups)}
          currency={currency}
          course={course}
          onClose={close}
          onAdd={(item) => {
            close();
            void commands.addItem(item);
          }}
        />
      )}
      {dialog?.kind === 'edit' && dialogLine && isOpen && (
        <LineEditDialog
          line={dialogLine}
          onClose={close}
          onSave={(patch) => {
            close();
            void commands.editLine(dialogLine.id, patch);
          }}
        />
      )}
      {dialog?.kind === 'void' && dialogLine && isOpen && (
        <VoidDialog
          line={dialogLine}
          initialQuantity={dialog.quantity}
          canVoidFired={can('orders.void')}
          onClose={close}
          onVoid={(quantity, reason, approval) => {
            close();
            if (quantity >= dialogLine.quantity - dialogLine.voidedQuantity) setSelectedLineId(null);
            void commands.voidLine(dialogLine.id, quantity, reason, approval?.token).then((voided) => {
              if (voided && approval) toast('success', t('void.approved', { name: approval.approver.name }));
            });
          }}
        />
      )}
      {dialog?.kind === 'guests' && (
        <GuestsDialog
          guests={order.guests}
          onClose={close}
          onSave={(guests) => {
            close();
            void commands.setGuests(guests);
          }}
        />
      )}
      {dialog?.kind === 'split' && (
        <SplitDialog
          order={order}
          currency={currency}
          onClose={close}
          onSplit={(split) => {
            close();
            void commands.split(split);
          }}
        />
      )}
      {dialog?.kind === 'pay' && (
        <PayDialog
          order={order}
          currency={currency}
          canCloseTable={permissions.canCloseTable}
          onPay={commands.pay}
          onClose={close}
          onOpenShift={() => navigate('/shift')}
          onCloseTable={() => {
            close();
            void closeTable();
          }}
        />
      )}
    </div>
  );
}

/**
 * True once the order's table session was closed (or moved on) on another tablet: the tables
 * query follows the socket (`table.updated` refetches it), so the screen stops offering to close
 * a table that is no longer open.
 */
export function useTableClosedElsewhere(order: Pick<Order, 'tableId' | 'sessionId'>): boolean {
  const tables = useTables();
  if (!order.tableId || !order.sessionId || !tables.data) return false;
  const table = tables.data.find((t) => t.id === order.tableId);
  if (!table) return false;
  return table.session?.id !== order.sessionId;
}
