import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { MailboxGate } from '../mailbox-gate.js';

// Holds one of the mailbox's request slots from sending until the response body has been read (or dropped):
// Outlook counts a request as in flight while it streams its answer.
export class GateSlot implements Middleware {
  private next!: Middleware;

  constructor(private readonly gate: MailboxGate) {}

  async execute(context: Context): Promise<void> {
    const release = await this.gate.acquire();
    try {
      await this.next.execute(context);
    } catch (error) {
      release();
      throw error;
    }
    const response = context.response;
    if (
      !response?.body ||
      NULL_BODY_STATUSES.has(response.status) ||
      response.headers.get('content-length') === '0'
    ) {
      release();
      return;
    }
    context.response = withRelease(response, release);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function withRelease(response: Response, release: () => void): Response {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
