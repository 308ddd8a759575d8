import { ApiError } from './api-error';

/**
 * The API's validation problems (every route sends `details: [{ path, message }]`, each message in words) for Fluent
 * Field's validationMessage: by full path ("requester.email") and by top-level field ("requester", "participants" for
 * "participants.2"), so a form shows each message at the field it belongs to. The first message for a field wins.
 */
export function fieldErrors(error: Error | undefined): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const problem of error.fieldProblems) {
    byField[problem.path] ??= problem.message;
    byField[problem.path.split('.')[0] ?? ''] ??= problem.message;
  }
  return byField;
}
