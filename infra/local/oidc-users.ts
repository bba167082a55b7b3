import { createHash } from 'node:crypto';
import { referenceUnits } from '../../functions/domain/units/wards.js';

/**
 * The test users of the local OpenID Connect provider (`AUTH=oidc npm start`): one per role, a ward
 * officer per ward, one user in no group and one in two groups. Development and tests only: every
 * one has the same well-known password.
 */
export const OIDC_TEST_PASSWORD = 'dialogue-pulse';

export interface OidcTestUser {
  username: string;
  name: string;
  /** Cognito groups (the roles of functions/domain/kernel/actor.ts), as `cognito:groups` carries them. */
  groups: string[];
  /** `custom:wardId`: set by an administrator, never by the user (docs/deploy.md). */
  wardId?: string;
}

export const OIDC_TEST_USERS: OidcTestUser[] = [
  { username: 'lanhdao', name: 'Lãnh đạo khu vực', groups: ['LEADERSHIP'] },
  { username: 'thue', name: 'Cán bộ cơ quan thuế', groups: ['TAX_OFFICER'] },
  { username: 'quantri', name: 'Quản trị hệ thống', groups: ['ADMIN'] },
  ...referenceUnits().map((ward) => ({ username: `phuong.${ward.id}`, name: `Cán bộ phường ${ward.name}`, groups: ['WARD_OFFICER'], wardId: ward.id })),
  // Signed in, but no administrator has put them in a group yet: no role, no data.
  { username: 'chuaconhom', name: 'Người dùng chưa có nhóm', groups: [] },
  // Two groups: the most capable role wins (functions/domain/kernel/actor.ts roleFromGroups), here TAX_OFFICER.
  { username: 'hainhom', name: 'Lãnh đạo kiêm cán bộ thuế', groups: ['LEADERSHIP', 'TAX_OFFICER'] },
];

/** A stable UUID per user, like Cognito's `sub` (which never changes for a user). */
export function subOf(username: string): string {
  const hex = createHash('sha256').update(`dialogue-pulse-oidc:${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function findTestUser(username: string): OidcTestUser | undefined {
  return OIDC_TEST_USERS.find((user) => user.username === username.trim().toLowerCase());
}

export function findTestUserBySub(sub: string): OidcTestUser | undefined {
  return OIDC_TEST_USERS.find((user) => subOf(user.username) === sub);
}

/** The claims a Cognito ID token carries for this user (`cognito:groups` only when the user has groups, as Cognito does). */
export function idTokenClaimsOf(user: OidcTestUser): Record<string, unknown> {
  return {
    sub: subOf(user.username),
    'cognito:username': user.username,
    ...(user.groups.length ? { 'cognito:groups': user.groups } : {}),
    ...(user.wardId ? { 'custom:wardId': user.wardId } : {}),
    email: `${user.username}@example.gov.vn`,
    email_verified: true,
    name: user.name,
    token_use: 'id',
  };
}
