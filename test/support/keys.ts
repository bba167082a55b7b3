import { importJWK, type CryptoKey } from 'jose';
import { ensureLocalKeys } from '../../infra/local/keys.js';

/** The local stack's signing key, for tests that forge tokens with chosen claims. */
export async function loadKeys(dataDir: string): Promise<{ keys: { kid: string; privateKey: CryptoKey } }> {
  const file = await ensureLocalKeys(dataDir);
  return { keys: { kid: file.privateJwk.kid!, privateKey: (await importJWK(file.privateJwk, 'RS256')) as CryptoKey } };
}
