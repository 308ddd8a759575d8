import type { EmuRequest, EmuResponse } from './emu-http.js';

/** Thrown by Graph handlers; the pipeline turns it into a Graph error body through graphError(). */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * The one Graph error factory. `innerError` is camelCase as Graph sends it: the JS SDK reads
 * `innerError["request-id"]` and `.date` case-sensitively (docs/graph-behaviour.md §0.5, §8).
 */
export function graphError(
  req: Pick<EmuRequest, 'requestId' | 'clientRequestId'>,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): EmuResponse {
  return {
    status,
    headers,
    json: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': req.requestId,
          'client-request-id': req.clientRequestId,
        },
      },
    },
  };
}

export function notFound(what: 'item' | 'folder' = 'item'): GraphHttpError {
  return what === 'folder'
    ? new GraphHttpError(404, 'ErrorFolderNotFound', 'The specified folder could not be found in the store.')
    : new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

export function malformedId(): GraphHttpError {
  return new GraphHttpError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
}

export function badRequest(message: string, code = 'BadRequest'): GraphHttpError {
  return new GraphHttpError(400, code, message);
}

export function notImplemented(what: string): GraphHttpError {
  return new GraphHttpError(501, 'NotImplemented', `The M365 emulator does not implement ${what}.`);
}
