// Rules the v1.29 schema cannot express. They run on the manifest after ${{VAR}} substitution.

type Icon = { size?: number; url?: string };
type Control = { id?: string; actionId?: string; icons?: Icon[] };
type Group = { id?: string; icons?: Icon[]; controls?: Control[] };
type Extension = {
  runtimes?: { id?: string; code?: { page?: string }; actions?: { id?: string }[] }[];
  ribbons?: { tabs?: { groups?: Group[] }[] }[];
};
export type Manifest = {
  version?: unknown;
  id?: unknown;
  validDomains?: unknown;
  staticTabs?: { entityId?: string; contentUrl?: string; websiteUrl?: string }[];
  configurableTabs?: { configurationUrl?: string }[];
  webApplicationInfo?: { id?: string; resource?: string };
  extensions?: Extension[];
};

const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const hostAndPort = /^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/;
const absoluteUrl = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
// $schema names the schema; it is never loaded by Teams or Outlook. The resource is an Application ID URI.
const notContentUrls = new Set(['/$schema', '/webApplicationInfo/resource']);
const ribbonIconSizes = [16, 32, 80];

/** Every problem found, one sentence each; empty when the manifest follows all the rules. */
export function checkManifestRules(manifest: Manifest): string[] {
  return [
    ...checkVersionAndIds(manifest),
    ...checkUrls(manifest),
    ...checkSsoResource(manifest),
    ...checkRibbons(manifest),
  ];
}

function checkVersionAndIds(m: Manifest): string[] {
  const problems: string[] = [];
  if (typeof m.version !== 'string' || !semver.test(m.version)) {
    problems.push(
      `version "${String(m.version)}" is not semver MAJOR.MINOR.PATCH (Teams refuses anything else)`,
    );
  }
  if (typeof m.id !== 'string' || !guid.test(m.id)) problems.push(`id "${String(m.id)}" is not a GUID`);
  const clientId = m.webApplicationInfo?.id;
  if (typeof clientId !== 'string' || !guid.test(clientId)) {
    problems.push(
      `webApplicationInfo.id "${String(clientId)}" is not a GUID (the Entra application (client) id)`,
    );
  }
  return problems;
}

/** Every URL is https and its host is one of validDomains (Teams refuses to frame anything else). */
function checkUrls(m: Manifest): string[] {
  const domains = Array.isArray(m.validDomains)
    ? m.validDomains.filter((d): d is string => typeof d === 'string')
    : [];
  const problems = domains
    .filter((d) => !hostAndPort.test(d))
    .map((d) => `validDomains entry "${d}" must be a host[:port] without scheme or path`);
  for (const [pointer, value] of strings(m, '')) {
    if (notContentUrls.has(pointer) || !absoluteUrl.test(value)) continue;
    const url = parseUrl(value);
    if (!url || url.protocol !== 'https:') {
      problems.push(`${pointer}: "${value}" is not an https URL`);
    } else if (!domains.some((d) => hostMatches(url.host, d))) {
      problems.push(`${pointer}: host "${url.host}" is not in validDomains [${domains.join(', ')}]`);
    }
  }
  return problems;
}

/**
 * The SSO token is requested for webApplicationInfo.resource, which must be the Application ID URI
 * api://<tab host>/<client id>: one character off and sign-in fails with AADSTS500011.
 */
function checkSsoResource(m: Manifest): string[] {
  const problems: string[] = [];
  const pages = [
    ...(m.staticTabs ?? []).flatMap((t) => [t.contentUrl, t.websiteUrl]),
    ...(m.configurableTabs ?? []).map((t) => t.configurationUrl),
    ...(m.extensions ?? []).flatMap((e) => (e.runtimes ?? []).map((r) => r.code?.page)),
  ].filter((u): u is string => typeof u === 'string');
  const hosts = [...new Set(pages.map((u) => parseUrl(u)?.host ?? u))];
  const tabHost = hosts[0];
  if (hosts.length > 1)
    problems.push(
      `tabs and add-in pages are served from several hosts (${hosts.join(', ')}); SSO works for one`,
    );
  const { id, resource } = m.webApplicationInfo ?? {};
  if (typeof resource !== 'string')
    return [...problems, 'webApplicationInfo.resource is missing: Teams and Outlook SSO need it'];
  const match = /^api:\/\/([^/]+)\/(.+)$/.exec(resource);
  if (!match)
    return [...problems, `webApplicationInfo.resource "${resource}" is not api://<host>/<client id>`];
  const [, host, tail] = match;
  if (tabHost !== undefined && host !== tabHost) {
    problems.push(`webApplicationInfo.resource host "${host}" differs from the tab host "${tabHost}"`);
  }
  if (tail !== id)
    problems.push(
      `webApplicationInfo.resource "${resource}" does not end with the client id "${String(id)}"`,
    );
  return problems;
}

/** Each ribbon button runs an action its extension defines, and carries the three icon sizes Office needs. */
function checkRibbons(m: Manifest): string[] {
  const problems: string[] = [];
  for (const extension of m.extensions ?? []) {
    const actionIds = new Set((extension.runtimes ?? []).flatMap((r) => (r.actions ?? []).map((a) => a.id)));
    for (const group of (extension.ribbons ?? []).flatMap((r) =>
      (r.tabs ?? []).flatMap((t) => t.groups ?? []),
    )) {
      problems.push(...missingIconSizes(`ribbon group "${group.id}"`, group.icons));
      for (const control of group.controls ?? []) {
        problems.push(...missingIconSizes(`ribbon control "${control.id}"`, control.icons));
        if (control.actionId !== undefined && !actionIds.has(control.actionId)) {
          problems.push(
            `ribbon control "${control.id}" runs action "${control.actionId}", which no runtime defines (${[...actionIds].join(', ')})`,
          );
        }
      }
    }
  }
  return problems;
}

function missingIconSizes(what: string, icons: Icon[] | undefined): string[] {
  if (icons === undefined) return [];
  const sizes = new Set(icons.map((i) => i.size));
  const missing = ribbonIconSizes.filter((s) => !sizes.has(s));
  return missing.length ? [`${what} has no icon of size ${missing.join(', ')}`] : [];
}

function* strings(node: unknown, pointer: string): Generator<[string, string]> {
  if (typeof node === 'string') yield [pointer, node];
  else if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* strings(v, `${pointer}/${i}`);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) yield* strings(v, `${pointer}/${k}`);
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function hostMatches(urlHost: string, validDomain: string): boolean {
  const [host, domain] = [urlHost.toLowerCase(), validDomain.toLowerCase()];
  // A wildcard stands for exactly one label: *.contoso.com covers a.contoso.com, not a.b.contoso.com.
  if (domain.startsWith('*.'))
    return host.endsWith(domain.slice(1)) && !host.slice(0, 1 - domain.length).includes('.');
  return host === domain;
}
