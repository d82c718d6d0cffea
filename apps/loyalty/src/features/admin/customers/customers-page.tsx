import type { Customer } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { type HostProps, useHost } from '@pos/plugin-sdk';
import { Badge, Button, Notice, SearchInput, Section, Spinner, VisuallyHidden } from '@pos/ui';
import { useEffect, useState } from 'react';
import { useAdminCustomers } from '../api/customers';
import { CardsDialog } from './cards-dialog';
import { CustomerFormDialog } from './customer-form-dialog';
import { GuestCodeDialog } from './guest-code-dialog';
import styles from './customers.module.css';
import { formatPhone, searchQueryOf, venueCountry } from '../../../model/phone';

/** Waits this long after the last keystroke before searching (one request per word, not per letter). */
export const SEARCH_DELAY_MS = 300;

function useDebounced(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

type Open = { kind: 'form'; customer: Customer | null } | { kind: 'cards'; customer: Customer } | { kind: 'code'; customer: Customer } | null;

/**
 * Admin → Гости (/x/admin/customers; permission admin.customers): the venue's loyalty guests,
 * searched by a name or phone fragment, a page at a time; add and edit a guest (and download what
 * the venue keeps about them, from the form), issue, print and revoke printed cards, and show the guest app's code to
 * try the till's scanner with.
 */
export function CustomersPage(_props: HostProps) {
  const { t } = useTranslation('loyalty');
  const host = useHost();
  const [search, setSearch] = useState('');
  const query = searchQueryOf(useDebounced(search, SEARCH_DELAY_MS), venueCountry(host.session.venue));
  const list = useAdminCustomers(query);
  const [open, setOpen] = useState<Open>(null);
  const customers = list.data?.pages.flatMap((p) => p.customers) ?? [];
  const close = () => setOpen(null);

  return (
    <Section
      title={t('admin.customers.title')}
      description={t('admin.customers.description')}
      actions={
        <Button variant="primary" size="large" onClick={() => setOpen({ kind: 'form', customer: null })} data-testid="customers-create">
          {t('admin.customers.create')}
        </Button>
      }
      testId="customers-page"
    >
      <div className={styles.search}>
        <SearchInput value={search} onChange={setSearch} placeholder={t('admin.customers.search')} clearLabel={t('admin.customers.clearSearch')} testId="customers-search" />
      </div>
      {list.isError ? (
        <Notice kind="error">{t('admin.customers.failed', { message: problemText(t, list.error) })}</Notice>
      ) : list.isPending ? (
        <p className={styles.loading}>
          <Spinner /> {t('admin.customers.loading')}
        </p>
      ) : customers.length === 0 ? (
        <p className={styles.muted} data-testid="customers-empty">
          {query === '' ? t('admin.customers.empty') : t('admin.customers.notFound', { query: search.trim() })}
        </p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="customers-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.customers.name')}</th>
                <th scope="col">{t('admin.customers.phone')}</th>
                <th scope="col">{t('admin.customers.tier')}</th>
                <th scope="col" className={styles.figure}>
                  {t('admin.customers.visits')}
                </th>
                <th scope="col">
                  <VisuallyHidden>{t('admin.customers.actions')}</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {customers.map((c) => (
                <CustomerRow key={c.id} customer={c} onOpen={setOpen} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <div className={styles.more}>
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage || list.isPlaceholderData} data-testid="customers-more">
            {list.isFetchingNextPage ? t('admin.customers.loadingMore') : t('admin.customers.more')}
          </Button>
        </div>
      )}
      {open?.kind === 'form' && <CustomerFormDialog customer={open.customer} onClose={close} />}
      {open?.kind === 'cards' && <CardsDialog customer={open.customer} onClose={close} />}
      {open?.kind === 'code' && <GuestCodeDialog customer={open.customer} onClose={close} />}
    </Section>
  );
}

function CustomerRow({ customer: c, onOpen }: { customer: Customer; onOpen(open: Open): void }) {
  const { t, i18n } = useTranslation('loyalty');
  const host = useHost();
  const date = new Intl.DateTimeFormat(i18n.language, { timeZone: host.session.venue.timezone, dateStyle: 'short' });
  const consents = [c.consent.sms.given && t('admin.customers.sms'), c.consent.email.given && t('admin.customers.emailShort')].filter(Boolean).join(', ');
  return (
    <tr data-testid="customer-row" data-customer-id={c.id}>
      <td className={styles.nameCell}>
        <div className={styles.name}>{c.name}</div>
        {c.email && <div className={styles.muted}>{c.email}</div>}
      </td>
      <td data-label={t('admin.customers.phone')} className={styles.phone}>
        {formatPhone(c.phone)}
      </td>
      <td data-label={t('admin.customers.tier')}>
        <Badge tone={c.tier === 'gold' ? 'warning' : c.tier === 'silver' ? 'info' : 'neutral'}>{t(`admin.customers.tiers.${c.tier}`)}</Badge>
        <div className={styles.muted} title={t('admin.customers.consent')}>
          {consents ? t('admin.customers.consents', { channels: consents }) : t('admin.customers.noConsent')}
        </div>
      </td>
      <td data-label={t('admin.customers.visits')} className={styles.figure}>
        {c.visits}
        {c.lastVisitAt && <div className={styles.muted}>{date.format(new Date(c.lastVisitAt))}</div>}
      </td>
      <td className={styles.actionsCell}>
        <div className={styles.rowActions}>
          <Button onClick={() => onOpen({ kind: 'form', customer: c })} data-testid="customer-edit">
            {t('admin.customers.edit')}
          </Button>
          <Button onClick={() => onOpen({ kind: 'cards', customer: c })} data-testid="customer-cards">
            {t('admin.customers.cards')}
          </Button>
          <Button onClick={() => onOpen({ kind: 'code', customer: c })} data-testid="customer-guest-code">
            {t('admin.customers.guestCode')}
          </Button>
        </div>
      </td>
    </tr>
  );
}
