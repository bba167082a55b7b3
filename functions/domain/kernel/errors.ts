/**
 * Domain errors: the kinds of refusal. Each class is one `extensions.code` of the contract, named in
 * functions/graphql/format-error.ts, the one place that maps them.
 * Messages are for people: say what was refused and what to do instead.
 */
export abstract class DomainError extends Error {
  /** Extra, safe-to-show details (field names, allowed values). Never internals. */
  readonly details?: Record<string, unknown>;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** No valid token: the client should sign in. */
export class AuthenticationError extends DomainError {}

/** Signed in, but this actor may not do this. */
export class ForbiddenError extends DomainError {}

export class InvalidInputError extends DomainError {}

export class NotFoundError extends DomainError {}

/** A move the state machine (or a uniqueness rule) forbids. */
export class ConflictError extends DomainError {}

/** A client sent more than a rate limit allows (the public endpoint): it may try again after a while. */
export class RateLimitedError extends DomainError {
  constructor(
    readonly rule: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`Too many requests from your connection; try again in ${retryAfterSeconds} s.`, { reason: 'RATE_LIMITED', retryAfterSeconds });
  }
}

/** A dependency (the database) is unavailable: the client may retry the same request. */
export class UnavailableError extends Error {
  constructor(message = 'The service is temporarily unavailable; retry the same request in a few seconds.') {
    super(message);
    this.name = 'UnavailableError';
  }
}

/** Part of the contract not built yet: said plainly rather than answered with fake data. */
export class NotImplementedError extends Error {
  constructor(what: string) {
    super(`${what} is not implemented yet.`);
    this.name = 'NotImplementedError';
  }
}
