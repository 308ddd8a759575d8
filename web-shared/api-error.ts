import type { TErrorBody } from '../api/src/contract/common';

// The API answers every failure in one body shape (docs/architecture.md §5). Both front ends turn it into an ApiError whose
// message is written for people, so any screen can simply show it.

export type FieldProblem = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, requestId?: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }

  /** Validation problems per field ("tenantId": "must be a GUID"), when the API sent them. */
  get fieldProblems(): FieldProblem[] {
    return Array.isArray(this.details)
      ? this.details.filter(
          (d): d is FieldProblem => typeof d?.path === 'string' && typeof d?.message === 'string',
        )
      : [];
  }
}

export const UNREACHABLE_MESSAGE =
  'The Service Messaging API could not be reached. Check your connection and try again.';

/** The API's error body as an ApiError; anything else (a proxy's HTML page, say) with `unexplained` or a plain description. */
export function parseErrorBody(
  status: number,
  text: string,
  unexplained = `The API answered ${status} without an explanation.`,
): ApiError {
  try {
    const { error } = JSON.parse(text) as TErrorBody;
    if (typeof error?.message === 'string')
      return new ApiError(status, error.code, error.message, error.requestId, error.details);
  } catch {
    // Not our JSON: fall through to a plain description.
  }
  return new ApiError(status, 'http_error', unexplained);
}
