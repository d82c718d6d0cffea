/**
 * A broken business rule, with the HTTP status and a stable machine-readable code. The error
 * handler turns it into RFC 9457 problem+json; services never see HTTP otherwise.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id?: string) =>
  new DomainError(404, `${what}.not_found`, id ? `${what} ${id} not found` : `${what} not found`);

export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError(409, code, message, extra);

export const forbidden = (code: string, message: string) => new DomainError(403, code, message);

/** A rule about the input that the schema cannot express (400 with the field path). */
export const invalid = (path: string, message: string, code = 'validation') =>
  new DomainError(400, code, message, { errors: [{ path, message }] });

/** The request is well-formed but cannot be processed as it stands. */
export const unprocessable = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError(422, code, message, extra);
