import type { ServerResponse } from 'node:http';
import type { EmuRequest, EmuResponse } from '../core/emu-http.js';

const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Writes an emulator answer with the headers Graph sends (request-id, OData version, Graph's JSON content type);
 * `reset` drops the connection instead, as a fault. */
export function write(res: ServerResponse, req: EmuRequest | undefined, r: EmuResponse): void {
  if (r.reset) {
    res.socket?.destroy();
    return;
  }
  const isGraph = req?.path.startsWith('/v1.0/') ?? false;
  const headers: Record<string, string> = {
    'request-id': req?.requestId ?? '',
    'client-request-id': req?.clientRequestId ?? '',
    'strict-transport-security': 'max-age=31536000',
    ...(isGraph ? { 'odata-version': '4.0' } : {}),
  };
  let body: Buffer | undefined;
  if (r.json !== undefined) {
    headers['content-type'] = isGraph ? GRAPH_JSON : 'application/json; charset=utf-8';
    body = Buffer.from(JSON.stringify(r.json));
  } else if (r.text !== undefined) {
    headers['content-type'] = 'text/plain; charset=utf-8';
    body = Buffer.from(r.text);
  } else if (r.bytes !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    body = r.bytes;
  }
  Object.assign(headers, r.headers);
  headers['content-length'] = String(body?.length ?? 0);
  res.writeHead(r.status, headers);
  res.end(body);
}
