import type { EmuRequest, EmuResponse } from '../core/emu-http.js';
import { graphError } from '../core/graph-error.js';
import { ZKnobs, type Knobs, type ScriptedFault } from './knobs.js';

type ArmedFault = ScriptedFault & { left: number; pattern: RegExp };

/** Holds the knobs and injects faults: scripted ones first, then random ones at `rate` on Graph calls. */
export class FaultInjector {
  private base: Knobs;
  knobs: Knobs;
  private armed: ArmedFault[] = [];
  private readonly hidden = new Map<string, number>();

  constructor(startup: Partial<Knobs>) {
    this.base = ZKnobs.parse(startup);
    this.knobs = this.base;
  }

  /** Merges a partial update (POST /_emulator/faults); a new script replaces the old one. */
  update(patch: unknown): Knobs {
    const merged = ZKnobs.parse({ ...this.knobs, ...(patch as object) });
    this.knobs = merged;
    if (patch && typeof patch === 'object' && 'script' in patch) this.arm(merged.script);
    return merged;
  }

  clear(): Knobs {
    this.knobs = this.base;
    this.armed = [];
    this.hidden.clear();
    return this.knobs;
  }

  /** A scripted or random fault for this request, if one is due. */
  next(req: EmuRequest, isGraph: boolean): EmuResponse | undefined {
    const path = safeDecode(req.path);
    const scripted = this.armed.find(
      (f) => f.left > 0 && f.pattern.test(path) && (!f.method || f.method.toUpperCase() === req.method),
    );
    if (scripted) {
      scripted.left -= 1;
      return faultResponse(req, scripted.status, scripted.retryAfterSec ?? this.knobs.retryAfterSec);
    }
    if (
      !isGraph ||
      this.knobs.rate <= 0 ||
      Math.random() >= this.knobs.rate ||
      this.knobs.statuses.length === 0
    )
      return undefined;
    const status = this.knobs.statuses[Math.floor(Math.random() * this.knobs.statuses.length)]!;
    return faultResponse(req, status, this.knobs.retryAfterSec);
  }

  /** Makes announced messages answer 404 for a while: the notification can outrun the store (docs/graph-behaviour.md C16). */
  hideMessages(ids: string[]): void {
    if (this.knobs.hideNotifiedMessagesMs <= 0) return;
    const until = Date.now() + this.knobs.hideNotifiedMessagesMs;
    for (const id of ids) this.hidden.set(id, until);
  }

  isHidden(id: string): boolean {
    const until = this.hidden.get(id);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.hidden.delete(id);
    return false;
  }

  private arm(script: ScriptedFault[]): void {
    this.armed = script.map((f) => ({ ...f, left: f.times, pattern: globToRegExp(f.path) }));
  }
}

function faultResponse(req: EmuRequest, status: number | 'reset', retryAfterSec: number): EmuResponse {
  const retryAfter = { 'retry-after': String(retryAfterSec) };
  switch (status) {
    case 'reset':
      return { status: 0, reset: true };
    case 429:
      return graphError(req, 429, 'TooManyRequests', 'Please retry again later.', retryAfter);
    case 503:
      return graphError(req, 503, 'ServiceUnavailable', 'Service Unavailable', retryAfter);
    case 504:
    case 502:
      // Gateways in front of Graph answer with HTML, not a Graph body (docs/graph-behaviour.md §7.1).
      return {
        status,
        headers: { 'content-type': 'text/html' },
        text: `<html><head><title>${status} Gateway ${status === 504 ? 'Time-out' : 'Error'}</title></head><body><center><h1>${status} Gateway ${status === 504 ? 'Time-out' : 'Error'}</h1></center></body></html>`,
      };
    case 401:
      return graphError(
        req,
        401,
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is expired.',
        {
          'www-authenticate': `Bearer realm="", authorization_uri="${req.origin}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
        },
      );
    case 404:
      return graphError(req, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    default:
      return graphError(
        req,
        status,
        status >= 500 ? 'UnknownError' : 'BadRequest',
        `Injected fault ${status}.`,
      );
  }
}

export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i');
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
