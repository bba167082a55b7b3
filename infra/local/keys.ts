import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Role } from '../../functions/domain/kernel/actor.js';

/** The local stack's stand-in for Cognito: its issuer, audience and key pair (in DATA_DIR/keys). */
export const LOCAL_ISSUER = 'urn:dialogue-pulse:local';
export const LOCAL_AUDIENCE = 'dialogue-pulse-local';

interface KeyFile {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function ensureLocalKeys(dataDir: string): Promise<KeyFile> {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  mkdirSync(dir, { recursive: true });
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const keys: KeyFile = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  chmodSync(file, 0o600);
  return keys;
}

export function jwksOf(keys: KeyFile) {
  return { keys: [keys.publicJwk] };
}

export interface TokenRequest {
  role: Role;
  wardId?: string;
  sub?: string;
  /** Seconds; 12 hours by default (the contract's local token). */
  expiresIn?: number;
}

/** Signs an ID-token-shaped JWT the local stack accepts (same claims Cognito puts in ID tokens). */
export async function mintLocalToken(keys: KeyFile, request: TokenRequest): Promise<string> {
  const key = await importJWK(keys.privateJwk, 'RS256');
  const sub = request.sub ?? `demo-${request.role.toLowerCase().replaceAll('_', '-')}${request.wardId ? `-${request.wardId}` : ''}`;
  return new SignJWT({
    'cognito:groups': [request.role],
    ...(request.wardId ? { 'custom:wardId': request.wardId } : {}),
    token_use: 'id',
  })
    .setProtectedHeader({ alg: 'RS256', kid: keys.privateJwk.kid })
    .setSubject(sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (request.expiresIn ?? 12 * 3600))
    .sign(key);
}
