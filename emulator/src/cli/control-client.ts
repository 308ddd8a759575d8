import https from 'node:https';
import { existsSync, readFileSync } from 'node:fs';

/** A small HTTPS client for the control API that trusts the emulator's CA without NODE_EXTRA_CA_CERTS. */
export function controlClient(baseUrl: string, caFile: string | undefined) {
  const ca = caFile && existsSync(caFile) ? readFileSync(caFile) : undefined;
  const call = (
    method: string,
    path: string,
    body?: Buffer,
    contentType?: string,
  ): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const request = https.request(
        new URL(`/_emulator${path}`, baseUrl),
        {
          method,
          ...(ca ? { ca } : {}),
          headers: body
            ? { 'content-type': contentType ?? 'application/json', 'content-length': String(body.length) }
            : {},
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  return {
    async json<T>(method: string, path: string, body?: Buffer, contentType?: string): Promise<T> {
      const { status, text } = await call(method, path, body, contentType);
      if (status >= 300) throw new Error(`${method} /_emulator${path} answered ${status}: ${text}`);
      return JSON.parse(text) as T;
    },
  };
}
