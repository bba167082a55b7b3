/** Who is acting, as established from a verified token. No AWS, no JWT library here. */
export const ROLES = ['LEADERSHIP', 'WARD_OFFICER', 'TAX_OFFICER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a role acts for one ward only: its token names the ward (`custom:wardId`), and it writes there only. */
export const actsForOneWard = (role: Role): boolean => role === 'WARD_OFFICER';

export interface Actor {
  /** The JWT subject. */
  id: string;
  role: Role;
  /** A ward officer's ward (`custom:wardId`); undefined for the other roles. */
  wardId?: string;
}

/**
 * Picks the acting role from `cognito:groups`. A user in several groups acts with the most
 * capable one (ADMIN > TAX_OFFICER / WARD_OFFICER > LEADERSHIP); WARD_OFFICER wins over TAX_OFFICER
 * only when no tax group is present, so the choice is deterministic.
 */
export function roleFromGroups(groups: readonly string[]): Role | undefined {
  for (const role of ['ADMIN', 'TAX_OFFICER', 'WARD_OFFICER', 'LEADERSHIP'] as const) {
    if (groups.includes(role)) return role;
  }
  return undefined;
}
