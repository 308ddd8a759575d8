import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { passThrough } from './pass-through.js';

// The end of the chain: Node's fetch (which trusts NODE_EXTRA_CA_CERTS, so the emulator's local CA works).
export class SendFetch implements Middleware {
  async execute(context: Context): Promise<void> {
    try {
      context.response = await fetch(context.request, context.options as RequestInit);
    } catch (error) {
      throw passThrough(error);
    }
  }
}
