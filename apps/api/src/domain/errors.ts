/** Domain errors: what went wrong in the product's terms. They know nothing of GraphQL or HTTP. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing does not exist, or the caller may not know that it does (another workspace's id). */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class ValidationError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class ConflictError extends DomainError {}

/** Signed in, but the role does not allow it. */
export class ForbiddenError extends DomainError {}

/** Not signed in (or the credentials are no longer valid). */
export class UnauthenticatedError extends DomainError {
  constructor(message = "Sign in first (session cookie or Bearer API token).") {
    super(message);
  }
}

/** Too many attempts (sign-in, sign-up): try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} s.`);
  }
}

/** The server cannot do it right now (busy, or what it depends on is down); the same request may work later. */
export class UnavailableError extends DomainError {}

/** A workspace holds as much work at once as it may: more can start once some ends. */
export class QuotaExceededError extends DomainError {}

/** A request body, or one file in it, larger than the server takes. */
export class PayloadTooLargeError extends DomainError {}
