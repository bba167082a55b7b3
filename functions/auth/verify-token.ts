import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { optionalEnv, requireEnv } from '../config.js';
import { actsForOneWard, type Actor, roleFromGroups } from '../domain/kernel/actor.js';
import { AuthenticationError } from '../domain/kernel/errors.js';
import { isIdOfKind } from '../domain/kernel/input.js';

export interface TokenVerifierConfig {
  /** Cognito's `https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/jwks.json` in AWS; the local gateway's own locally. */
  jwksUrl: string;
  issuer: string;
  /** The dashboard's app client id: ID tokens carry it as `aud`. */
  audience: string;
  /** Seconds of clock skew tolerated between the token issuer and this function. */
  clockToleranceSeconds: number;
  /**
   * jose's createRemoteJWKSet: a token whose `kid` is not in the cached JWKS refetches it, at most once
   * per cool-down (so a flood of made-up kids cannot hammer the issuer); the cache is refetched anyway
   * after its max age, which is how a retired key stops being accepted. 30 s and 10 min by default.
   */
  jwksCooldownMs?: number;
  jwksCacheMaxAgeMs?: number;
}

export function tokenVerifierConfigFromEnv(): TokenVerifierConfig {
  return {
    jwksUrl: requireEnv('JWKS_URL'),
    issuer: requireEnv('TOKEN_ISSUER'),
    audience: requireEnv('TOKEN_AUDIENCE'),
    clockToleranceSeconds: Number(optionalEnv('TOKEN_CLOCK_TOLERANCE_SECONDS') ?? 30),
    jwksCooldownMs: Number(optionalEnv('JWKS_COOLDOWN_MS') ?? 30_000),
    jwksCacheMaxAgeMs: Number(optionalEnv('JWKS_CACHE_MAX_AGE_MS') ?? 600_000),
  };
}

/** Cognito's longest ID-token validity. */
export const MAX_TOKEN_AGE_SECONDS = 24 * 3600;

export type VerifyToken = (authorization: string | undefined) => Promise<Actor & { expiresAt: number }>;

/**
 * Verifies `Authorization: Bearer <JWT>` and returns the acting user. Only RS256 is accepted, so
 * `alg: none` and HS256 tokens "signed" with the public key are refused before any key is used.
 * Every refusal is an AuthenticationError whose message says what to do; the token itself is
 * never logged or echoed.
 */
export function createTokenVerifier(config: TokenVerifierConfig, keys?: JWTVerifyGetKey): VerifyToken {
  const jwks = keys ?? createRemoteJWKSet(new URL(config.jwksUrl), {
    cooldownDuration: config.jwksCooldownMs ?? 30_000,
    cacheMaxAge: config.jwksCacheMaxAgeMs ?? 600_000,
  });
  return async (authorization) => {
    if (!authorization) {
      throw new AuthenticationError('Sign in first: send your token as "Authorization: Bearer <token>".');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) {
      throw new AuthenticationError('The Authorization header must be "Bearer <token>".');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], jwks, {
        algorithms: ['RS256'],
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp', 'iat'],
        // Cognito issues ID tokens for at most a day; this also refuses an `iat` in the future beyond the tolerance.
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      }));
    } catch (error) {
      throw new AuthenticationError(describeTokenFailure(error));
    }
    // Cognito signs its access tokens with the same key; only the ID token names the user's ward, and
    // only it is meant for this client (an access token for some other API must not open this one).
    if (payload.token_use !== 'id') {
      throw new AuthenticationError('Send the ID token (token_use "id") as the bearer, not the access token; sign in again.');
    }
    // NOTE: the subject is written into audit records and logs; Cognito's are UUIDs, so anything long or odd is refused.
    if (typeof payload.sub !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(payload.sub)) {
      throw new AuthenticationError('Your token\'s subject (sub) is not a valid user id; sign in again.');
    }
    const groups = payload['cognito:groups'];
    const role = Array.isArray(groups) ? roleFromGroups(groups.filter((g): g is string => typeof g === 'string')) : undefined;
    if (!role) {
      throw new AuthenticationError('Your token carries no Dialogue Pulse role (cognito:groups); ask an administrator to add you to a group.');
    }
    const wardClaim = payload['custom:wardId'];
    const wardId = typeof wardClaim === 'string' && wardClaim !== '' ? wardClaim : undefined;
    if (actsForOneWard(role) && !wardId) {
      throw new AuthenticationError('A ward officer\'s token must name the ward (custom:wardId); ask an administrator to set it.');
    }
    if (actsForOneWard(role) && !isIdOfKind(wardId, 'ward')) {
      throw new AuthenticationError('A ward officer\'s token names a ward id of the wrong form (custom:wardId must be like "tan-hung"); ask an administrator to correct it.');
    }
    return { id: payload.sub!, role, wardId: actsForOneWard(role) ? wardId : undefined, expiresAt: payload.exp! };
  };
}

function describeTokenFailure(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Your token has expired; sign in again.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') return 'Your token is not valid yet; check the clock of the device that issued it.';
    return `Your token was not issued for this system (claim "${error.claim}"); sign in again.`;
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'Your token is not signed the way this system requires; sign in again.';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'Your token was signed by a key this system does not know; sign in again.';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'Your token\'s signature is not valid; sign in again.';
  return 'Your token could not be verified; sign in again.';
}
