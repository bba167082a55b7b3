/**
 * Domain errors. Each class maps to exactly one `extensions.code` of the contract
 * (see functions/graphql/format-error.ts, the one place that does the mapping).
 * Messages are for people: say what was refused and what to do instead.
 */
export abstract class DomainError extends Error {
  abstract readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';
  /** Extra, safe-to-show details (field names, allowed values). Never internals. */
  readonly details?: Record<string, unknown>;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class AuthenticationError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
}

/** A move the state machine (or a uniqueness rule) forbids. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

/** A dependency (the database) is unavailable: the client may retry the same request. */
export class UnavailableError extends Error {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
  constructor(message = 'The service is temporarily unavailable; retry the same request in a few seconds.') {
    super(message);
    this.name = 'UnavailableError';
  }
}

/** Part of the contract not built yet: said plainly rather than answered with fake data. */
export class NotImplementedError extends Error {
  readonly code = 'NOT_IMPLEMENTED' as const;
  constructor(what: string) {
    super(`${what} is not implemented yet.`);
    this.name = 'NotImplementedError';
  }
}
