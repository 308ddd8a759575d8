// Demo mode only: the emulator's tenant id and its mail app (the one with a client secret, the daemon that reads and
// sends the desk's mail), read from GET /_emulator/tenant, so demo mode needs no credentials typed anywhere.

export type EmulatorMailApp = { tenantId: string; clientId: string; clientSecret: string };

type TenantDocument = {
  tenantId?: string;
  apps?: { clientId?: string; clientSecret?: string | null; roles?: string[] }[];
};

export async function readEmulatorMailApp(emulatorUrl: string): Promise<EmulatorMailApp> {
  const res = await fetch(`${emulatorUrl}/_emulator/tenant`);
  if (!res.ok) throw new Error(`The emulator answered ${res.status} to /_emulator/tenant.`);
  const tenant = (await res.json()) as TenantDocument;
  const app = (tenant.apps ?? []).find(
    (a) => a.clientSecret && a.clientId && (a.roles ?? []).some((r) => r.startsWith('Mail.')),
  );
  if (!tenant.tenantId || !app?.clientId || !app.clientSecret)
    throw new Error('The emulator tenant has no mail app with a client secret.');
  return { tenantId: tenant.tenantId, clientId: app.clientId, clientSecret: app.clientSecret };
}
