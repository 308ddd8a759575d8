import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenSource } from '../token-source.js';
import { passThrough } from './pass-through.js';
import { discardBody, requestUrl, setHeader } from './request-headers.js';

// Adds the app token, to Graph hosts only: upload-session URLs are pre-authenticated on another host and must not
// get it (docs/graph-behaviour.md §4.3). A 401 earns one retry with a token fetched anew, not from the cache; a second 401 is the
// answer (docs/graph-behaviour.md C24), which the error mapping reports as "re-authorisation required".
export class BearerToken implements Middleware {
  private next!: Middleware;

  constructor(
    private readonly tokens: TokenSource,
    private readonly graphHosts: ReadonlySet<string>,
  ) {}

  async execute(context: Context): Promise<void> {
    if (!this.graphHosts.has(new URL(requestUrl(context)).hostname)) {
      setHeader(context, 'Authorization', undefined);
      await this.next.execute(context);
      return;
    }
    setHeader(context, 'Authorization', `Bearer ${await token(() => this.tokens.get())}`);
    await this.next.execute(context);
    if (context.response?.status !== 401) return;
    await discardBody(context.response);
    setHeader(context, 'Authorization', `Bearer ${await token(() => this.tokens.refresh())}`);
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Entra's answer (wrong secret, unknown tenant ...) must reach the error mapping whole. */
async function token(fetchToken: () => Promise<string>): Promise<string> {
  try {
    return await fetchToken();
  } catch (error) {
    throw passThrough(error);
  }
}
