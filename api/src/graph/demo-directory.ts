// Demo mode only: the emulator's seeded users and its user-token endpoint, so the tab and the add-in can
// sign in without a tenant while the API still verifies a real RS256 token against the emulator's keys.
// Browsers do not trust the emulator's local CA, so the API (which does) asks on their behalf.

export type DemoUser = { upn: string; displayName: string; roles: string[] };

export type DemoDirectory = {
  listUsers(): Promise<DemoUser[]>;
  signIn(upn: string): Promise<{ accessToken: string }>;
};

type TenantDocument = { users?: { userPrincipalName?: string; displayName?: string; roles?: string[] }[] };

export function createDemoDirectory(emulatorUrl: string): DemoDirectory {
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${emulatorUrl}${path}`, init);
    if (!res.ok) throw new Error(`The emulator answered ${res.status} to ${path}.`);
    return (await res.json()) as T;
  };
  return {
    async listUsers() {
      const tenant = await call<TenantDocument>('/_emulator/tenant');
      // Only people who hold one of our app roles: the shared mailbox and unlicensed users would get a token the API refuses.
      return (tenant.users ?? [])
        .map((u) => ({
          upn: u.userPrincipalName ?? '',
          displayName: u.displayName ?? u.userPrincipalName ?? '',
          roles: u.roles ?? [],
        }))
        .filter((u) => u.upn && u.roles.some((role) => role.startsWith('ServiceDesk.')));
    },
    async signIn(upn) {
      const body = await call<{ access_token: string }>('/_emulator/tokens/user', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ upn }),
      });
      return { accessToken: body.access_token };
    },
  };
}
