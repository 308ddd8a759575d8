import type { z } from 'zod';
import { issueInWords } from './issue-in-words.js';

/** What every route does with its params, query and body: the schema's checks, each failure said in words. */
export const parseInput = <T>(schema: z.ZodType<T>, value: unknown): T =>
  schema.parse(value, { error: issueInWords });
