import type { Device, Till } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, Button, Dialog, EmptyState, Section } from '@pos/ui';
import { useState } from 'react';
import { useDevices } from '../../api/get-devices';
import { useTills } from '../../api/get-tills';
import { useRevokeDevice } from '../../api/revoke-device';
import { useSetDeviceTill } from '../../api/set-device-till';
import table from '../data-table.module.css';
import styles from './devices-section.module.css';
import { EnrollDialog } from './enroll-dialog';

/** Active tablets first, the newest enrolled first within each group. */
const byStatusThenNewest = (a: Device, b: Device) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.enrolledAt.localeCompare(a.enrolledAt);

/**
 * The venue's enrolled tablets: enroll a new one with a one-time code, attach one to a till (its
 * payments book to that till's open shift), revoke one.
 */
export function DevicesSection() {
  const { t, i18n } = useTranslation('admin');
  const { notify, session } = useHost();
  const devices = useDevices();
  const revoke = useRevokeDevice();
  const tills = useTills();
  const [isEnrolling, setEnrolling] = useState(false);
  const [revoking, setRevoking] = useState<Device | null>(null);

  const list = [...(devices.data?.devices ?? [])].sort(byStatusThenNewest);
  const dateTime = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'short', timeStyle: 'short', timeZone: session.venue.timezone });
  const when = (iso: string) => dateTime.format(new Date(iso));
  // A venue without tills (or whose tills did not load) keeps the table as it was.
  const tillList = tills.data?.tills ?? [];
  const hasTills = tillList.some((till) => !till.archived) || list.some((d) => d.tillId !== null && tillList.length > 0);

  const confirmRevoke = (device: Device) =>
    revoke.mutate(device.id, {
      onSuccess: () => {
        notify('success', t('devices.revokedDone', { name: device.name }));
        setRevoking(null);
      },
    });

  return (
    <Section
      testId="admin-devices"
      title={t('devices.title')}
      description={t('devices.description')}
      actions={
        <Button variant="primary" data-testid="devices-enroll" onClick={() => setEnrolling(true)}>
          + {t('devices.enroll')}
        </Button>
      }
    >
      {!devices.data ? (
        <EmptyState>{t(devices.isError ? 'common:error' : 'common:loading')}</EmptyState>
      ) : list.length === 0 ? (
        <EmptyState>{t('devices.empty')}</EmptyState>
      ) : (
        <div className={table.card}>
          <table className={`${table.table} ${styles.table}`}>
            <thead>
              <tr>
                <th>{t('devices.device')}</th>
                <th>{t('devices.enrolled')}</th>
                <th>{t('devices.lastSignIn')}</th>
                {/* The till select shares the last cell with Revoke: five columns do not fit a portrait tablet. */}
                <th className={table.end}>{hasTills ? t('devices.till') : null}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((device) => (
                <tr key={device.id} data-testid={`device-${device.id}`} className={device.revokedAt ? styles.revoked : undefined}>
                  <td>
                    <div className={styles.name}>{device.name}</div>
                    <div className={styles.status}>
                      {device.revokedAt ? (
                        <>
                          <Badge>{t('devices.revoked')}</Badge> <span className={table.muted}>{when(device.revokedAt)}</span>
                        </>
                      ) : (
                        <Badge tone="success">{t('devices.active')}</Badge>
                      )}
                    </div>
                  </td>
                  <td>
                    <div>{when(device.enrolledAt)}</div>
                    {device.enrolledBy && <div className={`${table.muted} ${styles.small}`}>{t('devices.by', { name: device.enrolledBy })}</div>}
                  </td>
                  <td className={device.lastSignInAt ? undefined : table.muted}>{device.lastSignInAt ? when(device.lastSignInAt) : t('devices.never')}</td>
                  <td className={table.end}>
                    <div className={styles.tillAndRevoke}>
                      {hasTills && <TillSelect device={device} tills={tillList} />}
                      {!device.revokedAt && (
                        <Button variant="ghost" className={styles.revoke} onClick={() => setRevoking(device)} data-testid={`device-revoke-${device.id}`}>
                          {t('devices.revoke')}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isEnrolling && <EnrollDialog onClose={() => setEnrolling(false)} />}
      {revoking && (
        <Dialog
          title={t('devices.revokeTitle', { name: revoking.name })}
          onClose={() => setRevoking(null)}
          closeLabel={t('common:close')}
          footer={
            <>
              <Button onClick={() => setRevoking(null)}>{t('common:cancel')}</Button>
              <Button variant="danger" disabled={revoke.isPending} onClick={() => confirmRevoke(revoking)} data-testid="confirm-revoke">
                {t('devices.revoke')}
              </Button>
            </>
          }
        >
          <p className={styles.confirm}>{t('devices.revokeText')}</p>
        </Dialog>
      )}
    </Section>
  );
}

/**
 * The tablet's till: «—» (payments book to the shift of whoever takes them) or one of the venue's
 * tills. An archived till is offered only to the tablet still attached to it, marked as such; a
 * revoked tablet's till is only shown.
 */
function TillSelect({ device, tills }: { device: Device; tills: Till[] }) {
  const { t } = useTranslation('admin');
  const { notify } = useHost();
  const setTill = useSetDeviceTill();
  const options = tills.filter((till) => !till.archived || till.id === device.tillId);
  const nameOf = (id: string | null) => tills.find((till) => till.id === id)?.name ?? null;
  const current = nameOf(device.tillId);

  if (device.revokedAt) return <span className={table.muted}>{current ?? t('devices.noTill')}</span>;
  const change = (value: string) => {
    const tillId = value || null;
    setTill.mutate(
      { deviceId: device.id, tillId },
      { onSuccess: () => notify('success', tillId ? t('devices.tillSet', { name: device.name, till: nameOf(tillId) }) : t('devices.tillCleared', { name: device.name })) },
    );
  };
  return (
    <select
      className={styles.till}
      value={device.tillId ?? ''}
      disabled={setTill.isPending}
      aria-label={t('devices.tillOf', { name: device.name })}
      onChange={(e) => change(e.target.value)}
      data-testid={`device-till-${device.id}`}
    >
      <option value="">{t('devices.noTill')}</option>
      {options.map((till) => (
        <option key={till.id} value={till.id}>
          {till.archived ? t('devices.archivedTill', { name: till.name }) : till.name}
        </option>
      ))}
    </select>
  );
}
