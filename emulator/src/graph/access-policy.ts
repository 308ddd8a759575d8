/**
 * An Exchange application access policy (docs/graph-behaviour.md §9): when set for an app, only the listed mailboxes answer;
 * every other mailbox gives 403 ErrorAccessDenied "Access to OData is disabled."
 */
export class AccessPolicy {
  private readonly allowed = new Map<string, Set<string>>();

  restrict(appId: string, mailboxes: string[]): void {
    this.allowed.set(appId.toLowerCase(), new Set(mailboxes.map((m) => m.toLowerCase())));
  }

  clear(): void {
    this.allowed.clear();
  }

  permits(appId: string, mailbox: string): boolean {
    const allowed = this.allowed.get(appId.toLowerCase());
    return !allowed || allowed.has(mailbox.toLowerCase());
  }

  describe(): Array<{ appId: string; mailboxes: string[] }> {
    return [...this.allowed].map(([appId, mailboxes]) => ({ appId, mailboxes: [...mailboxes] }));
  }
}
