import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, readableLines } from '../../../api/src/logger.js';
import { requestLevel } from '../../../api/src/http/middleware/request-log.js';

// What an operator's log keeps at info: a change or a failure is an event; a read or a static file is not.

describe('the request log', () => {
  it.each([
    ['GET', '/tab/assets/index-3f2a.js', 200, 'debug'],
    ['GET', '/addin/taskpane.html?x=1', 304, 'debug'],
    ['GET', '/api/requests?limit=25', 200, 'debug'],
    ['POST', '/api/requests', 201, 'info'],
    ['PATCH', '/api/admin/mail/accounts/1', 422, 'warn'],
    ['GET', '/tab/missing.js', 404, 'warn'],
    ['GET', '/api/requests', 500, 'error'],
  ] as const)('%s %s %i at %s', (method, url, status, level) => {
    expect(requestLevel(method, url, status)).toBe(level);
  });

  it('reads as one line per event on a terminal', () => {
    let text = '';
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        text += String(chunk);
        done();
      },
    });
    createLogger('info', readableLines(sink)).info(
      { req: { method: 'POST', url: '/api/requests' }, res: { statusCode: 201 }, responseTime: 12 },
      'POST /api/requests 201 (12 ms)',
    );
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: POST \/api\/requests 201 \(12 ms\)\n$/);
  });
});
