import type { Till } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, Button, EmptyState, Notice, Section } from '@pos/ui';
import { useState } from 'react';
import { useTills } from '../../api/get-tills';
import { useSaveTill } from '../../api/save-till';
import table from '../data-table.module.css';
import { TillDialog } from './till-dialog';
import { busyCashierOf, byStatusThenName, isBusy } from './till-problems';
import styles from './tills-section.module.css';

type Editing = { till?: Till } | null;

/**
 * The venue's tills (cash drawers): add, rename, archive and restore, with who holds each one's
 * open shift since when. Tablets are attached to a till in Devices.
 */
export function TillsSection() {
  const { t, i18n } = useTranslation('admin');
  const { notify, session } = useHost();
  const tills = useTills();
  const save = useSaveTill();
  const [editing, setEditing] = useState<Editing>(null);
  // A refused archive stays in view until dismissed: it says whose shift to close first.
  const [refusal, setRefusal] = useState<string | null>(null);

  const list = [...(tills.data?.tills ?? [])].sort(byStatusThenName(i18n.language));
  // Short enough for a portrait tablet's column: "7 дек., 07:58".
  const dateTime = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: session.venue.timezone });

  const setArchived = (till: Till, archived: boolean) => {
    setRefusal(null);
    save.mutate(
      { id: till.id, archived },
      {
        onSuccess: () => notify('success', t(archived ? 'tills.archivedDone' : 'tills.unarchivedDone', { name: till.name })),
        onError: (error) => {
          if (!isBusy(error)) return setRefusal(problemText(t, error));
          const cashier = busyCashierOf(error) ?? till.openShift?.cashierName;
          setRefusal(cashier ? t('tills.busy', { till: till.name, cashier }) : t('tills.busyNoName', { till: till.name }));
        },
      },
    );
  };

  return (
    <Section
      testId="admin-tills"
      title={t('tills.title')}
      description={t('tills.description')}
      actions={
        <Button variant="primary" data-testid="tills-add" onClick={() => setEditing({})}>
          + {t('tills.add')}
        </Button>
      }
      notice={
        refusal && (
          <Notice
            kind="error"
            testId="tills-refusal"
            action={
              <Button variant="ghost" onClick={() => setRefusal(null)} aria-label={t('common:close')}>
                ×
              </Button>
            }
          >
            {refusal}
          </Notice>
        )
      }
    >
      {!tills.data ? (
        <EmptyState>{t(tills.isError ? 'common:error' : 'common:loading')}</EmptyState>
      ) : list.length === 0 ? (
        <EmptyState>{t('tills.empty')}</EmptyState>
      ) : (
        <div className={table.card}>
          <table className={`${table.table} ${styles.table}`}>
            <thead>
              <tr>
                <th>{t('tills.till')}</th>
                <th>{t('tills.shift')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((till) => (
                <tr key={till.id} data-testid={`till-${till.id}`} className={till.archived ? styles.archived : undefined}>
                  <td>
                    <div className={styles.name}>{till.name}</div>
                    <div className={styles.status}>{till.archived ? <Badge>{t('tills.archived')}</Badge> : <Badge tone="success">{t('tills.active')}</Badge>}</div>
                  </td>
                  <td data-testid={`till-shift-${till.id}`}>
                    {till.openShift ? (
                      <>
                        <div className={styles.cashier}>{till.openShift.cashierName}</div>
                        <div className={`${table.muted} ${styles.small}`}>{t('tills.since', { time: dateTime.format(new Date(till.openShift.openedAt)) })}</div>
                      </>
                    ) : (
                      <span className={table.muted}>{t('tills.noShift')}</span>
                    )}
                  </td>
                  <td>
                    <div className={`${table.actions} ${styles.actions}`}>
                      <Button onClick={() => setEditing({ till })} data-testid={`till-rename-${till.id}`}>
                        {t('tills.rename')}
                      </Button>
                      <Button
                        variant="ghost"
                        className={till.archived ? styles.unarchive : styles.archive}
                        disabled={save.isPending}
                        onClick={() => setArchived(till, !till.archived)}
                        data-testid={`till-${till.archived ? 'unarchive' : 'archive'}-${till.id}`}
                      >
                        {till.archived ? t('tills.unarchive') : t('tills.archive')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <TillDialog till={editing.till} onClose={() => setEditing(null)} />}
    </Section>
  );
}
