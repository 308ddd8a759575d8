import { ApiError } from '../api/client';

/** The API's validation problems (every route sends `details: [{ path, message }]`) by top-level field, for Fluent Field's validationMessage. */
export function fieldErrors(error: Error | undefined): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const problem of error.fieldProblems) {
    const field = problem.path.split('.')[0] ?? '';
    byField[field] ??= problem.message;
  }
  return byField;
}
