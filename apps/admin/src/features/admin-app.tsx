import type { HostProps } from '@pos/plugin-sdk';
import { useTranslation } from '@pos/i18n';

export function AdminApp(_props: HostProps) {
  const { t } = useTranslation('admin');
  return (
    <div data-testid="admin-app">
      <h1>{t('title')}</h1>
      <small data-testid="admin-version">{t('version', { version: __REMOTE_VERSION__ })}</small>
    </div>
  );
}
