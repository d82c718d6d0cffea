import { useTranslation } from '@pos/i18n';
import type { AdminPageDeclaration, SlotProps } from '@pos/plugin-sdk';
import { Spinner } from '@pos/ui';
import { lazy, Suspense } from 'react';

/** The remote's page of Admin (title: a key of the 'integrations' namespace). */
export const INTEGRATIONS_ADMIN_PAGE = { id: 'integrations', title: 'admin.nav', permission: 'admin.integrations' } as const satisfies AdminPageDeclaration;

/**
 * The page is its own chunk, fetched when Admin opens it: the floor, which mounts this remote's
 * delivery board, never loads Admin's code (it counts against the own-code budget).
 */
const IntegrationsPage = lazy(() => import('./integrations-page').then((m) => ({ default: m.IntegrationsPage })));

function Loading() {
  const { t } = useTranslation('integrations');
  return (
    <p role="status">
      <Spinner /> {t('admin.loading')}
    </p>
  );
}

/** The `admin.pages` parcel. */
export function IntegrationsAdminPage(props: SlotProps<'admin.pages'>) {
  return (
    <Suspense fallback={<Loading />}>
      <IntegrationsPage host={props.host} />
    </Suspense>
  );
}
