import type { Problem } from '@pos/contracts';

/** A failed API call, carrying the server's problem+json; `message` is readable as it is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem & Record<string, unknown>,
  ) {
    super(readableMessage(problem));
    this.name = 'ApiError';
  }

  get code(): string {
    return this.problem.code;
  }

  /** True when retrying the same command later can succeed (server or network trouble). */
  get isTransient(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 409 && this.code === 'idempotency.in_flight';
  }
}

function readableMessage(problem: Problem): string {
  if (problem.errors?.length) {
    return problem.errors.map((e) => `${e.path.replace(/^body\./, '')}: ${e.message}`).join('; ');
  }
  return problem.title || problem.detail || `Request failed (${problem.status})`;
}

export const networkError = (cause: unknown) =>
  new ApiError(0, { type: 'about:blank', title: 'No connection to the server', status: 0, code: 'network', detail: String(cause) });
