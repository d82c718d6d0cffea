import { ProblemSchema } from '@pos/contracts';
import type { z } from 'zod';

const Problem = ProblemSchema.loose();

/** Response schemas of a route: its success body plus the problem+json errors, for OpenAPI. */
export function replies<S extends Record<number, z.ZodType>>(success: S) {
  return { ...success, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem, 429: Problem };
}
