import { GraphClientError } from '@microsoft/microsoft-graph-client';

// The SDK turns anything a middleware throws into its own GraphError, keeping only the message, except a
// GraphClientError, which it rethrows as is. Errors we need intact (an Entra answer, a reset connection) travel
// inside one and are unwrapped at the boundary.

export function passThrough(error: unknown): GraphClientError {
  if (error instanceof GraphClientError) return error;
  const wrapped = new GraphClientError(error instanceof Error ? error.message : String(error));
  wrapped.customError = error;
  return wrapped;
}

export function unwrap(error: unknown): unknown {
  return error instanceof GraphClientError && error.customError !== undefined ? error.customError : error;
}
