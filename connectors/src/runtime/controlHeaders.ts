import { z } from 'zod';

const positiveInt = (what: string) =>
  z.coerce
    .number({ message: `expected ${what} as a whole number` })
    .int(`expected ${what} as a whole number`)
    .min(0, `expected ${what} of 0 or more`);

/**
 * Task headers that steer the runtime rather than the connector (the element templates set
 * them as `zeebe:taskHeader`). Everything else in the job is the connector's input.
 */
export const controlHeadersSchema = z.object({
  resultVariable: z.string().min(1).optional(),
  resultExpression: z.string().min(1).optional(),
  errorExpression: z.string().min(1).optional(),
  /** Per-call timeout in milliseconds. */
  timeout: positiveInt('the timeout in milliseconds').optional(),
  /** First retry delay in milliseconds; it doubles with each failed attempt. */
  retryBackoff: positiveInt('the retry backoff in milliseconds').optional(),
  /** The retries the task started with (as in `zeebe:taskDefinition retries`), for the backoff. */
  retries: positiveInt('the retries').optional(),
});

export type ControlHeaders = z.infer<typeof controlHeadersSchema>;
