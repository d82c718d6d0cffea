import { isOrderOnServer, type Order, type OrderLine } from '@pos/contracts';
import { Badge, Button, Icon, Money, Spinner } from '@pos/ui';
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../core/services-context';
import { useTranslation } from 'react-i18next';
import { Slot } from '../../core/plugin-host/slot';
import { useLineKitchenStatuses } from './kitchen-status';
import { OrderLineRow } from './order-line-row';
import { courseGroups, unsentCount } from './order-lines';
import { PreBillDialog } from './pre-bill';
import styles from './order-panel.module.css';

export interface OrderPermissions {
  canEdit: boolean;
  canFire: boolean;
  canSplit: boolean;
  canPay: boolean;
  canCloseTable: boolean;
}

export interface OrderPanelProps {
  order: Order;
  currency: string;
  pending: number;
  /** Products now on the stop-list: their unfired lines are flagged for the waiter. */
  stopListedProductIds?: ReadonlySet<string>;
  /** Lines whose fire is still in the outbox (queued offline): they say so instead of «На кухне». */
  awaitingFireLineIds?: ReadonlySet<string>;
  permissions: OrderPermissions;
  /** Why the table can no longer be closed from here (another tablet closed it), in the UI's language. */
  tableNotice?: string | null;
  selectedLineId: string | null;
  onSelectLine(line: OrderLine | null): void;
  onQuantity(line: OrderLine, delta: number): void;
  onEditLine(line: OrderLine): void;
  onVoidLine(line: OrderLine): void;
  onCourseHeld(course: number, isHeld: boolean): void;
  onFireCourse(course: number): void;
  onBack(): void;
  onGuests(): void;
  onFire(): void;
  onSplit(): void;
  onPay(): void;
  onCloseTable(): void;
}

/** Right side of the order screen: who and where, the lines by course, totals and the big actions. */
export function OrderPanel(props: OrderPanelProps) {
  const { order, currency, pending, permissions, selectedLineId } = props;
  const { t } = useTranslation('order');
  const isOpen = order.status === 'open';
  const groups = courseGroups(order);
  const showCourses = groups.length > 1 || order.heldCourses.length > 0;
  const unsent = unsentCount(order);
  const listRef = useRef<HTMLDivElement>(null);
  const knownLineIds = useRef<ReadonlySet<string> | null>(null);
  const kitchenStatuses = useLineKitchenStatuses(order);
  const venueName = useServices().host().session.venue.name;
  const [preBillAt, setPreBillAt] = useState<Date | null>(null);

  // A new line scrolls into view, so the waiter sees what was just added — wherever its course
  // puts it in the list (not necessarily last). Lines there when the screen opened do not count.
  useEffect(() => {
    const ids = new Set(order.lines.map((l) => l.id));
    const previous = knownLineIds.current;
    knownLineIds.current = ids;
    if (!previous) return;
    const added = order.lines.filter((l) => !previous.has(l.id));
    const newest = added[added.length - 1];
    if (!newest) return;
    const row = listRef.current?.querySelector(`[data-line-id="${newest.id}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [order.lines]);

  const canEditLines = isOpen && permissions.canEdit;
  const showPay = isOpen && permissions.canPay && order.due > 0;
  const showClose = order.tableId !== null && order.due === 0 && permissions.canCloseTable && order.status !== 'void';

  return (
    <section className={styles.panel} data-testid="order-panel">
      <header className={styles.header}>
        <Button variant="ghost" onClick={props.onBack} className={styles.back} data-testid="back-to-floor">
          <Icon name="back" size={22} />
          {t('actions.back')}
        </Button>
        <div className={styles.title}>
          <div className={styles.titleMain} role="heading" aria-level={1} data-testid="order-table">
            {order.tableLabel ? t('table', { label: order.tableLabel }) : t('takeaway')}
          </div>
          <div className={styles.titleSub}>
            <span data-testid="order-number">{isOrderOnServer(order) ? t('orderNumber', { number: order.number }) : t('orderNumberQueued')}</span>
            <span>·</span>
            <span data-testid="order-waiter">{order.waiterName}</span>
            {pending > 0 && <Spinner size={14} />}
          </div>
        </div>
        {order.status !== 'open' && <Badge tone={order.status === 'paid' ? 'success' : 'danger'}>{t(`status.${order.status}`)}</Badge>}
        {order.lines.length > 0 && order.status !== 'void' && (
          <Button onClick={() => setPreBillAt(new Date())} className={styles.guests} data-testid="order-pre-bill">
            <Icon name="receipt" />
            {t('preBill.action')}
          </Button>
        )}
        <Button onClick={props.onGuests} disabled={!canEditLines} className={styles.guests} data-testid="order-guests" aria-label={t('actions.guestsCount', { count: order.guests })}>
          <Icon name="users" />
          {order.guests}
        </Button>
      </header>

      <div className={styles.lines} ref={listRef}>
        {order.lines.length === 0 ? (
          <div className={styles.empty}>
            <Icon name="receipt" size={40} />
            <div className={styles.emptyTitle}>{t('lines.empty')}</div>
            {canEditLines && <div>{t('lines.emptyHint')}</div>}
          </div>
        ) : (
          groups.map((group) => (
            <div key={group.course} className={styles.course} data-testid={`course-group-${group.course}`}>
              {showCourses && (
                <div className={styles.courseHeader}>
                  <span>{t('lines.course', { course: group.course })}</span>
                  {group.isHeld && (
                    <Badge tone="accent">
                      <Icon name="pause" size={12} />
                      {t('lines.held')}
                    </Badge>
                  )}
                  <span className={styles.courseSpacer} />
                  {isOpen && permissions.canFire && group.isHeld && (
                    <Button className={styles.courseButton} onClick={() => props.onFireCourse(group.course)} data-testid={`fire-course-${group.course}`}>
                      <Icon name="play" size={16} />
                      {t('lines.fireCourse')}
                    </Button>
                  )}
                  {isOpen && permissions.canEdit && !group.isHeld && group.unsent > 0 && (
                    <Button variant="ghost" className={styles.courseButton} onClick={() => props.onCourseHeld(group.course, true)} data-testid={`hold-course-${group.course}`}>
                      <Icon name="pause" size={16} />
                      {t('lines.hold')}
                    </Button>
                  )}
                </div>
              )}
              <ul className={styles.lineList}>
                {group.lines.map((line) => (
                  <OrderLineRow
                    key={line.id}
                    line={line}
                    currency={currency}
                    isSelected={line.id === selectedLineId}
                    isStopListed={line.kitchenState === 'new' && (props.stopListedProductIds?.has(line.productId) ?? false)}
                    isAwaitingFire={props.awaitingFireLineIds?.has(line.id) ?? false}
                    kitchenStatus={kitchenStatuses.get(line.id)}
                    canEdit={canEditLines}
                    onSelect={props.onSelectLine}
                    onQuantity={props.onQuantity}
                    onEdit={props.onEditLine}
                    onVoid={props.onVoidLine}
                  />
                ))}
              </ul>
            </div>
          ))
        )}
      </div>

      <Slot name="order.side-panel" context={{ order }} className={styles.sidePanel} />

      <div className={styles.totals} data-testid="order-totals">
        {order.discount > 0 && (
          <>
            <TotalRow label={t('totals.subtotal')} value={order.subtotal} currency={currency} />
            <TotalRow label={t('totals.discount')} value={-order.discount} currency={currency} />
          </>
        )}
        <TotalRow label={t('totals.total')} value={order.total} currency={currency} strong testId="order-total" />
        {order.paid > 0 && <TotalRow label={t('totals.paid')} value={order.paid} currency={currency} testId="order-paid" />}
        {order.tips > 0 && <TotalRow label={t('totals.tips')} value={order.tips} currency={currency} />}
        {order.paid > 0 && <TotalRow label={t('totals.due')} value={order.due} currency={currency} strong testId="order-due" />}
        {order.split && <div className={styles.splitNote}>{t('totals.checks', { count: order.checks.length })}</div>}
        {/* What a remote adds to the bill (promotions applied, what is still to unlock). */}
        <Slot name="order.summary" context={{ order, place: 'order', checkIndex: null }} />
      </div>

      <div className={styles.actions}>
        {props.tableNotice && (
          <div className={styles.tableNotice} role="status" data-testid="order-table-closed">
            <Icon name="check" size={16} />
            {props.tableNotice}
          </div>
        )}
        {isOpen && (permissions.canSplit || permissions.canFire) && (
          <div className={styles.actionRow}>
            {permissions.canSplit && (
              <Button size="large" onClick={props.onSplit} disabled={order.lines.length === 0} data-testid="order-split">
                <Icon name="split" />
                {t('actions.split')}
              </Button>
            )}
            {permissions.canFire && (
              <Button size="large" variant="primary" onClick={props.onFire} disabled={unsent === 0} data-testid="order-fire" className={styles.fire}>
                <Icon name="fire" />
                {t('actions.fire')}
                {unsent > 0 && <span className={styles.count}>{unsent}</span>}
              </Button>
            )}
          </div>
        )}
        {showPay && (
          <Button size="large" block onClick={props.onPay} className={styles.pay} data-testid="order-pay">
            <Icon name="card" />
            {t('actions.pay')}
            <span className={styles.payAmount}>
              <Money value={order.due} currency={currency} />
            </span>
          </Button>
        )}
        {showClose && (
          <Button size="large" block variant={order.status === 'paid' ? 'primary' : 'default'} onClick={props.onCloseTable} data-testid="order-close-table">
            <Icon name="check" />
            {t('actions.closeTable')}
          </Button>
        )}
      </div>
      {preBillAt && <PreBillDialog order={order} venueName={venueName} currency={currency} printedAt={preBillAt} onClose={() => setPreBillAt(null)} />}
    </section>
  );
}

function TotalRow({ label, value, currency, strong, testId }: { label: string; value: number; currency: string; strong?: boolean; testId?: string }) {
  return (
    <div className={`${styles.totalRow} ${strong ? styles.totalStrong : ''}`}>
      <span>{label}</span>
      <span data-testid={testId}>
        <Money value={value} currency={currency} />
      </span>
    </div>
  );
}
