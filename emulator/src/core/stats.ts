/** Counters for GET /_emulator/stats. */
export class Stats {
  private data = fresh();

  request(operation: string, mailbox: string | undefined, status: number): void {
    const d = this.data;
    d.requests.total += 1;
    d.requests.byOperation[operation] = (d.requests.byOperation[operation] ?? 0) + 1;
    if (mailbox) d.requests.byMailbox[mailbox] = (d.requests.byMailbox[mailbox] ?? 0) + 1;
    d.requests.byStatus[String(status)] = (d.requests.byStatus[String(status)] ?? 0) + 1;
    if (status === 429) d.throttled429 += 1;
  }

  fault(): void {
    this.data.faultsInjected += 1;
  }

  token(kind: 'app' | 'user'): void {
    this.data.tokensIssued[kind] += 1;
  }

  notification(
    event: 'delivered' | 'retried' | 'failed' | 'dropped' | 'duplicated' | 'validations' | 'lifecycle',
  ): void {
    this.data.notifications[event] += 1;
  }

  snapshot(): ReturnType<typeof fresh> {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = fresh();
  }
}

function fresh() {
  return {
    requests: {
      total: 0,
      byOperation: {} as Record<string, number>,
      byMailbox: {} as Record<string, number>,
      byStatus: {} as Record<string, number>,
    },
    throttled429: 0,
    faultsInjected: 0,
    tokensIssued: { app: 0, user: 0 },
    notifications: {
      delivered: 0,
      retried: 0,
      failed: 0,
      dropped: 0,
      duplicated: 0,
      validations: 0,
      lifecycle: 0,
    },
  };
}
