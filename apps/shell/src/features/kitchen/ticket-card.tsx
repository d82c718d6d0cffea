import type { KitchenTicket, TicketItem } from '@pos/contracts';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './ticket-card.module.css';
import { formatAge, nextStatus, recallStatus, ticketAgeMs, urgencyOf } from './ticket-rules';
import { useBumpTicket } from './use-bump-ticket';

export interface TicketCardProps {
  ticket: KitchenTicket;
  now: number;
  /** Staff who may only look (a waiter checking on a table) get no buttons. */
  canBump: boolean;
  /** The station's name, shown when the screen lists every station. */
  stationName?: string;
}

/**
 * One kitchen ticket: who and what, how long it has waited, and the bump. Dish names, modifiers
 * and notes are venue data in the venue's language: shown exactly as the server stored them,
 * never passed through the viewer's translations.
 */
export const TicketCard = memo(function TicketCard({ ticket, now, canBump, stationName }: TicketCardProps) {
  const { t } = useTranslation('kitchen');
  const bump = useBumpTicket(ticket.id);
  const next = nextStatus(ticket.status);
  const back = recallStatus(ticket.status);
  const ageMs = ticketAgeMs(ticket, now);
  // A ready ticket is the waiter's to pick up: its age no longer says the kitchen is late.
  const urgency = ticket.status === 'ready' ? 'normal' : urgencyOf(ageMs);
  const isStopOnly = ticket.items.length > 0 && ticket.items.every((i) => i.kind === 'cancel');
  const meta = [ticket.waiterName, stationName].filter(Boolean);

  return (
    <article
      className={`${styles.card} ${styles[ticket.status]} ${styles[urgency]}`}
      data-testid={`ticket-${ticket.number}`}
      data-status={ticket.status}
      data-urgency={urgency}
      aria-label={t('ticketLabel', { number: ticket.number })}
    >
      <header className={styles.header}>
        <span className={styles.number}>#{ticket.number}</span>
        <span className={styles.where} data-testid={`where-${ticket.number}`}>
          {ticket.tableLabel !== null ? t('table', { label: ticket.tableLabel }) : ticket.delivery ? t('delivery', { partner: ticket.delivery.partnerName, id: ticket.delivery.externalId }) : t('takeaway')}
        </span>
        <span className={styles.age} data-testid={`age-${ticket.number}`} title={t('age')}>
          {formatAge(ageMs)}
        </span>
      </header>
      <div className={styles.meta}>
        {/* The same word as on the waiter's order screen («Курс»), for course 1 too: the cook and the waiter talk about the same thing. */}
        {ticket.course !== null && (
          <span className={styles.course} data-testid={`course-${ticket.number}`}>
            {t('course', { course: ticket.course })}
          </span>
        )}
        {meta.join(' · ')}
      </div>
      {ticket.heldCourses.length > 0 && (
        <div className={styles.held} data-testid={`held-${ticket.number}`}>
          <span className={styles.heldLabel}>{t('heldLabel')}</span>
          {ticket.heldCourses.map((course) => (
            <span key={course} className={styles.heldChip} data-testid={`held-${ticket.number}-course-${course}`}>
              {t('heldCourse', { course })}
            </span>
          ))}
        </div>
      )}
      {isStopOnly && <div className={styles.stopBanner}>{t('stopBanner')}</div>}
      <ul className={styles.items}>
        {ticket.items.map((item) => (
          <TicketLine key={item.id} item={item} />
        ))}
      </ul>
      {canBump && (next || back) && (
        <footer className={styles.actions}>
          {back && (
            <button
              type="button"
              className={styles.recall}
              data-testid={`recall-${ticket.number}`}
              onClick={() => bump.mutate({ ticket, status: back })}
            >
              <span aria-hidden="true" className={styles.recallIcon}>
                ↶
              </span>
              {t(`recall.${back}`)}
            </button>
          )}
          {next && (
            <button
              type="button"
              className={`${styles.bump} ${styles[`to_${next}`]}`}
              data-testid={`bump-${ticket.number}`}
              onClick={() => bump.mutate({ ticket, status: next })}
            >
              {t(`bump.${next}`)}
            </button>
          )}
        </footer>
      )}
    </article>
  );
});

function TicketLine({ item }: { item: TicketItem }) {
  const { t } = useTranslation('kitchen');
  if (item.kind === 'cancel') {
    return (
      <li className={`${styles.item} ${styles.cancel}`} data-kind="cancel">
        <span className={styles.stopTag}>{t('stopTag', { quantity: Math.abs(item.quantity) })}</span>
        <div className={styles.itemBody}>
          <span className={styles.name}>{item.name}</span>
          <Modifiers modifiers={item.modifiers} />
        </div>
      </li>
    );
  }
  return (
    <li className={`${styles.item} ${item.kind === 'note' ? styles.noteChange : ''}`} data-kind={item.kind}>
      <span className={styles.quantity}>{item.quantity}&nbsp;×</span>
      <div className={styles.itemBody}>
        {item.kind === 'note' && <span className={styles.noteTag}>{t('noteTag')}</span>}
        <span className={styles.name}>{item.name}</span>
        <Modifiers modifiers={item.modifiers} />
        {item.note ? (
          <span className={styles.note}>
            <span aria-hidden="true">✎ </span>
            {item.note}
          </span>
        ) : (
          item.kind === 'note' && <span className={styles.note}>{t('noteRemoved')}</span>
        )}
      </div>
    </li>
  );
}

function Modifiers({ modifiers }: { modifiers: string[] }) {
  if (modifiers.length === 0) return null;
  return <span className={styles.modifiers}>{modifiers.join(', ')}</span>;
}
