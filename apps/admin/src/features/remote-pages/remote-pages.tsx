import type { Permission } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { type AdminPageContext, HostSlot, useHost, useSlotEntries } from '@pos/plugin-sdk';
import { useMemo } from 'react';

/** A page another remote adds to Admin through the `admin.pages` slot (e.g. the upsell rules). */
export interface RemotePage {
  /** Its path segment under the admin path, as the remote declared it. */
  id: string;
  remote: string;
  label: string;
}

const mayOpen = (can: (p: Permission) => boolean, permission: Permission | readonly Permission[] | undefined) =>
  permission === undefined || (typeof permission === 'string' ? can(permission) : permission.some(can));

/** The pages the loaded remotes add that the signed-in staff member may open, live. */
export function useRemotePages(): RemotePage[] {
  const { t } = useTranslation('admin');
  const host = useHost();
  const entries = useSlotEntries('admin.pages');
  // A remote may add several pages (`adminPages`, host API 1.4); an older shell sends `adminPage` only.
  return entries.flatMap(({ remote, namespace, adminPage, adminPages }) =>
    (adminPages ?? (adminPage ? [adminPage] : []))
      .filter((page) => mayOpen(host.can, page.permission))
      .map((page) => ({ id: page.id, remote, label: t(page.title, { ns: namespace, defaultValue: page.title }) })),
  );
}

/** The open remote page: the host mounts the remote's parcel here. */
export function RemotePageView({ page, basePath }: { page: RemotePage; basePath: string }) {
  const path = `${basePath}/${page.id}`;
  const context = useMemo<AdminPageContext>(() => ({ path }), [path]);
  return <HostSlot name="admin.pages" remote={page.remote} context={context} />;
}
