import { useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button } from '@pos/ui';

/** Copies `text` to the clipboard and says so in a toast. */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { t } = useTranslation('integrations');
  const host = useHost();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      host.notify('success', t('admin.copied'));
    } catch {
      host.notify('error', t('admin.copyFailed'));
    }
  };
  return (
    <Button variant="ghost" onClick={() => void copy()} aria-label={label} data-testid={testId}>
      {t('admin.copy')}
    </Button>
  );
}
