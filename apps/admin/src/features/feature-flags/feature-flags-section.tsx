import { type Feature, FEATURES } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, Button, Dialog, EmptyState, Section, Switch } from '@pos/ui';
import { useState } from 'react';
import { useFeatureFlags } from '../../api/get-feature-flags';
import { useSaveFeatureFlag } from '../../api/save-feature-flag';
import styles from './feature-flags-section.module.css';

/** A switch per feature of the venue, saved at once; switching admin off asks first. */
export function FeatureFlagsSection() {
  const { t } = useTranslation('admin');
  const { session } = useHost();
  const flags = useFeatureFlags();
  const save = useSaveFeatureFlag();
  const [isConfirmingAdminOff, setConfirmingAdminOff] = useState(false);

  const saving = save.isPending ? save.variables : undefined;
  const isOn = (feature: Feature) => (saving?.feature === feature ? saving.isEnabled : Boolean(flags.data?.flags[feature]));
  const change = (feature: Feature, isEnabled: boolean) => {
    if (feature === 'admin' && !isEnabled) setConfirmingAdminOff(true);
    else save.mutate({ feature, isEnabled });
  };
  const onCount = FEATURES.filter(isOn).length;

  return (
    <Section
      testId="admin-flags"
      title={t('flags.title')}
      description={t('flags.description', { venue: session.venue.name })}
      actions={flags.data && <Badge tone="info">{t('flags.summary', { on: onCount, total: FEATURES.length })}</Badge>}
    >
      {!flags.data ? (
        <EmptyState>{t(flags.isError ? 'common:error' : 'common:loading')}</EmptyState>
      ) : (
        <ul className={styles.grid}>
          {FEATURES.map((feature) => (
            <li key={feature} className={`${styles.card} ${isOn(feature) ? styles.cardOn : ''}`}>
              <div className={styles.text}>
                <div className={styles.name}>{t(`flags.features.${feature}.name`)}</div>
                <div className={styles.description}>{t(`flags.features.${feature}.description`)}</div>
              </div>
              <Switch
                testId={`flag-${feature}`}
                label={t(`flags.features.${feature}.name`)}
                checked={isOn(feature)}
                stateLabel={t(isOn(feature) ? 'flags.on' : 'flags.off')}
                disabled={saving?.feature === feature}
                onChange={(value) => change(feature, value)}
              />
            </li>
          ))}
        </ul>
      )}
      {isConfirmingAdminOff && (
        <Dialog
          title={t('flags.adminOff.title')}
          onClose={() => setConfirmingAdminOff(false)}
          closeLabel={t('common:close')}
          footer={
            <>
              <Button onClick={() => setConfirmingAdminOff(false)}>{t('common:cancel')}</Button>
              <Button
                variant="danger"
                data-testid="confirm-admin-off"
                onClick={() => {
                  setConfirmingAdminOff(false);
                  save.mutate({ feature: 'admin', isEnabled: false });
                }}
              >
                {t('flags.adminOff.confirm')}
              </Button>
            </>
          }
        >
          <p className={styles.warning}>{t('flags.adminOff.text')}</p>
        </Dialog>
      )}
    </Section>
  );
}
