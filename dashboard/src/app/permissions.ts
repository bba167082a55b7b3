import type { Role } from '../auth/session.js';

export interface ViewerInfo {
  id: string;
  role: Role;
  ward?: { id: string; name: string } | null;
}

export type SessionKind = 'PUBLIC' | 'THEMATIC' | 'BUSINESS_TAX';

/** Leadership reads and watches; only officers and admins are offered logging (contract/README.md). */
export function canLog(role: Role): boolean {
  return role === 'WARD_OFFICER' || role === 'TAX_OFFICER' || role === 'ADMIN';
}

/** The kinds of session a role may schedule, start, close and log in. */
export function sessionKindsFor(role: Role): SessionKind[] {
  if (role === 'ADMIN') return ['PUBLIC', 'THEMATIC', 'BUSINESS_TAX'];
  if (role === 'WARD_OFFICER') return ['PUBLIC'];
  if (role === 'TAX_OFFICER') return ['BUSINESS_TAX'];
  return [];
}

/** Whether this viewer may run a given session: check-ins, concerns, start and close. */
export function canManageSession(viewer: ViewerInfo, session: { kind: SessionKind; ward?: { id: string } | null }): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'WARD_OFFICER') return session.kind === 'PUBLIC' && !!session.ward && session.ward.id === viewer.ward?.id;
  if (viewer.role === 'TAX_OFFICER') return session.kind === 'BUSINESS_TAX';
  return false;
}

export function canRegisterBusiness(role: Role): boolean {
  return role === 'TAX_OFFICER' || role === 'ADMIN';
}
