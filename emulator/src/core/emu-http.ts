// The emulator's own request/response values: every handler is a function from one to the other, so `$batch`
// can run inner requests through the same pipeline and faults can wrap any of them.
export type EmuRequest = {
  method: string;
  /** Path as sent, without the query string (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
  /** Bytes the client sent; larger than body.length when the body was over the cap and discarded. */
  bodyLength: number;
  requestId: string;
  clientRequestId: string;
  /** The emulator's public origin, e.g. https://localhost:8443. */
  origin: string;
  /** Set for the inner requests of a JSON batch. */
  batched: boolean;
};

export type EmuResponse = {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  bytes?: Buffer;
  /** Destroy the connection instead of answering (fault injection). */
  reset?: true;
};

export function jsonResponse(
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): EmuResponse {
  return { status, json, headers };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers };
}

export function header(req: EmuRequest, name: string): string | undefined {
  return req.headers[name.toLowerCase()];
}
