import { type Permission, PERMISSIONS, type Role, ROLES, type Roles } from '@pos/contracts';

export type RoleMatrix = Record<Role, Permission[]>;

/** The areas of the matrix, in the order staff meet them on a shift. */
export const AREAS = ['menu', 'tables', 'reservations', 'orders', 'kitchen', 'payments', 'customers', 'giftcards', 'promotions', 'notifications', 'shifts', 'admin'] as const;

export const permissionsOfArea = (area: (typeof AREAS)[number]): Permission[] => PERMISSIONS.filter((p) => p.split('.')[0] === area);

/** The i18n key of a permission ('shifts.close.override' → 'roles.perm.shifts_close_override'). */
export const permissionKey = (permission: Permission) => `roles.perm.${permission.replace(/\./g, '_')}`;

export function toMatrix(roles: Roles['roles']): RoleMatrix {
  const matrix = Object.fromEntries(ROLES.map((r) => [r, [] as Permission[]])) as RoleMatrix;
  for (const { role, permissions } of roles) matrix[role] = sorted(permissions);
  return matrix;
}

export function toggle(matrix: RoleMatrix, role: Role, permission: Permission): RoleMatrix {
  const current = matrix[role];
  const next = current.includes(permission) ? current.filter((p) => p !== permission) : [...current, permission];
  return { ...matrix, [role]: sorted(next) };
}

/** Only the roles whose permissions differ: a save never overwrites roles nobody touched. */
export function changedRoles(saved: RoleMatrix, draft: RoleMatrix): Roles['roles'] {
  return ROLES.filter((role) => saved[role].join() !== draft[role].join()).map((role) => ({ role, permissions: draft[role] }));
}

const sorted = (permissions: Permission[]) => PERMISSIONS.filter((p) => permissions.includes(p));
