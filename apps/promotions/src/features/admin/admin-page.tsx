import { useTranslation } from '@pos/i18n';
import type { AdminPageDeclaration, SlotProps } from '@pos/plugin-sdk';
import { Spinner } from '@pos/ui';
import { lazy, Suspense } from 'react';

/** The remote's page of Admin (title: a key of the 'promotions' namespace). */
export const PROMOTIONS_ADMIN_PAGE = { id: 'promotions', title: 'admin.nav', permission: 'admin.promotions' } as const satisfies AdminPageDeclaration;

/**
 * The page is its own chunk, fetched when Admin opens it: the till, which mounts this remote on the
 * home screen and in every order, never loads Admin's code (it counts against the own-code budget).
 */
const PromotionsPage = lazy(() => import('./promotions-page').then((m) => ({ default: m.PromotionsPage })));

function Loading() {
  const { t } = useTranslation('promotions');
  return (
    <p role="status">
      <Spinner /> {t('admin.loading')}
    </p>
  );
}

/** The `admin.pages` parcel. */
export function PromotionsAdminPage(props: SlotProps<'admin.pages'>) {
  return (
    <Suspense fallback={<Loading />}>
      <PromotionsPage host={props.host} />
    </Suspense>
  );
}
