// Typed errors thrown by domain code; the http layer maps each to a status and a message a person can act on.
export class KhabarError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    /** for validation errors: which field, so forms and API clients can point at it */
    public readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends KhabarError {
  constructor(field: string, message: string) {
    super(400, 'invalid', message, field);
  }
}

export class NotFoundError extends KhabarError {
  constructor(message = 'Not found') {
    super(404, 'not_found', message);
  }
}

export class GoneError extends KhabarError {
  constructor(message = 'This page has been removed') {
    super(410, 'gone', message);
  }
}

export class ForbiddenError extends KhabarError {
  constructor(message = 'You are not allowed to do that') {
    super(403, 'forbidden', message);
  }
}

export class UnauthorizedError extends KhabarError {
  constructor(message = 'Please sign in') {
    super(401, 'unauthorized', message);
  }
}

export class ConflictError extends KhabarError {
  constructor(message: string, field?: string) {
    super(409, 'conflict', message, field);
  }
}

export class TooManyRequestsError extends KhabarError {
  constructor(message = 'Too many requests; please wait a moment and try again', public readonly retryAfterSeconds = 60) {
    super(429, 'rate_limited', message);
  }
}
