import type { AppRegistration } from '../tenant/tenant-directory.js';

export type ExchangeRoleAssignment = { role: string; mailboxes: string[] };

/**
 * Where an app's mail permissions come from (docs/graph-behaviour.md §9). Entra admin consent puts Graph application permissions in
 * the token's `roles` and reaches every mailbox. Exchange Online's RBAC for Applications assigns roles such as
 * "Application Mail.ReadWrite" scoped to some mailboxes; Exchange checks those itself, so they never appear in the
 * token. The two add up. Tests set both here: revoke the consent and scope Exchange roles to the service mailbox.
 */
export class AppPermissions {
  private readonly consented = new Map<string, string[]>();
  private readonly exchange = new Map<string, ExchangeRoleAssignment[]>();

  /** The Graph application permissions Entra has consented to: what the app's tokens carry in `roles`. */
  entraRoles(app: AppRegistration): string[] {
    return this.consented.get(app.clientId) ?? app.roles;
  }

  /** Permissions Exchange grants the app on this mailbox through its role assignments ("Mail.Send" for "Application Mail.Send"). */
  exchangeRoles(appId: string, mailbox: string): string[] {
    const address = mailbox.toLowerCase();
    return (this.exchange.get(appId.toLowerCase()) ?? [])
      .filter((a) => a.mailboxes.includes(address))
      .map((a) => a.role.replace(/^Application /, ''));
  }

  set(appId: string, change: { entraRoles?: string[]; exchangeRoles?: ExchangeRoleAssignment[] }): void {
    const key = appId.toLowerCase();
    if (change.entraRoles) this.consented.set(key, [...change.entraRoles]);
    if (change.exchangeRoles)
      this.exchange.set(
        key,
        change.exchangeRoles.map((a) => ({
          role: a.role,
          mailboxes: a.mailboxes.map((m) => m.toLowerCase()),
        })),
      );
  }

  clear(): void {
    this.consented.clear();
    this.exchange.clear();
  }

  describe(): Array<{ appId: string; entraRoles?: string[]; exchangeRoles: ExchangeRoleAssignment[] }> {
    const appIds = new Set([...this.consented.keys(), ...this.exchange.keys()]);
    return [...appIds].map((appId) => ({
      appId,
      ...(this.consented.has(appId) ? { entraRoles: this.consented.get(appId) } : {}),
      exchangeRoles: this.exchange.get(appId) ?? [],
    }));
  }
}
