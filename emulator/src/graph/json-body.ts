import { GraphHttpError } from '../core/graph-error.js';

export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  try {
    if (text.trim() === '') throw new Error('empty');
    return JSON.parse(text) as unknown;
  } catch {
    throw new GraphHttpError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}
