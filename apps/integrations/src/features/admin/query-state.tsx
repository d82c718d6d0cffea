import { problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button, EmptyState, Icon, Notice, Spinner } from '@pos/ui';
import { type ReactNode, useState } from 'react';
import { readFailure } from './failure';
import styles from './integrations-admin.module.css';

/** What a tab shows while its query has no data: why it failed, or that it is loading. */
export function QueryPending({ error }: { error: unknown }) {
  const { t } = useTranslation('integrations');
  return error ? (
    <Notice kind="error">{t('admin.loadFailed', { message: problemText(t, error) })}</Notice>
  ) : (
    <p className={styles.muted}>
      <Spinner /> {t('admin.loading')}
    </p>
  );
}

/** After a 409 version conflict: say someone else changed it, and reload the list the row came from. */
export function useConflictReload(queryKey: readonly unknown[]) {
  const { t } = useTranslation('integrations');
  const host = useHost();
  return () => {
    host.notify('error', t('admin.conflict'));
    void host.queryClient.invalidateQueries({ queryKey });
  };
}

/**
 * A quick save from a row (a switch): a version conflict goes to `onConflict` (reload the list), anything else is a
 * toast — the row itself has no room for an error.
 */
export function useRowSaveError(onConflict: () => void) {
  const { t } = useTranslation('integrations');
  const host = useHost();
  return (error: unknown) => {
    const f = readFailure(t, error);
    if (f.kind === 'conflict') onConflict();
    else host.notify('error', f.kind === 'other' ? f.text : t('admin.invalid'));
  };
}

export interface ListPanelProps<T> {
  testId: string;
  addLabel: string;
  addTestId: string;
  emptyText: string;
  query: { data: T[] | undefined; error: unknown };
  /** One row; `edit` opens the dialog on it. */
  row(item: T, edit: () => void): ReactNode;
  /** The add / edit dialog: `item` is null for a new one. */
  dialog(item: T | null, close: () => void): ReactNode;
}

/** A tab's list of things an admin adds and edits (partners, webhook endpoints): add button, rows, empty and loading states, the dialog. */
export function ListPanel<T>({ testId, addLabel, addTestId, emptyText, query, row, dialog }: ListPanelProps<T>) {
  const [editing, setEditing] = useState<{ item: T | null } | null>(null);
  return (
    <div className={styles.panel} data-testid={testId}>
      <div className={styles.panelActions}>
        <Button variant="primary" size="large" onClick={() => setEditing({ item: null })} data-testid={addTestId}>
          <Icon name="plus" size={18} />
          {addLabel}
        </Button>
      </div>
      {query.data ? (
        query.data.length === 0 ? (
          <EmptyState>{emptyText}</EmptyState>
        ) : (
          <ul className={styles.rows}>{query.data.map((item) => row(item, () => setEditing({ item })))}</ul>
        )
      ) : (
        <QueryPending error={query.error} />
      )}
      {editing && dialog(editing.item, () => setEditing(null))}
    </div>
  );
}
