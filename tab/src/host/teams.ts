import type * as TeamsJsModule from '@microsoft/teams-js';

// The only file that talks to teams-js (docs/architecture.md §2, §9.5): everything the tab needs from its host sits
// behind these promise-returning functions, so the rest of the tab also runs in a plain browser.
// teams-js is loaded only when the tab is framed: on import it fetches a list of valid origins from
// Microsoft's CDN, which a browser tab neither needs nor may reach (our CSP's connect-src).
type TeamsJs = typeof TeamsJsModule;
let teamsJs: Promise<TeamsJs> | undefined;
const loadTeamsJs = (): Promise<TeamsJs> => (teamsJs ??= import('@microsoft/teams-js'));

export type HostTheme = 'default' | 'dark' | 'contrast';

export type TeamsHost = {
  kind: 'teams';
  /** Teams, Outlook or Office: personal tabs also open in the Microsoft 365 app and Outlook. */
  hostName: string;
  theme: HostTheme;
  locale: string;
  /** Who Teams says is signed in: the login hint for nested app authentication. */
  userPrincipalName?: string;
  /** The static tab the user opened (manifest entityId) and a deep link's subPageId. */
  entityId?: string;
  subPageId?: string;
};
export type StandaloneHost = { kind: 'standalone'; reason: string };
export type Host = TeamsHost | StandaloneHost;

export type NestedAuthConfig = { clientId: string; authority: string; scopes: string[]; loginHint?: string };

// teams-js waits 60 s before giving up inside a frame that is not Teams; nobody should look at a spinner
// that long (docs/platform-behaviour.md §4.4), so we give up sooner and run standalone.
const DEFAULT_TIMEOUT_MS = 5000;
// Long enough for a consent prompt Teams may show; after that the tab says so and offers a retry.
const TOKEN_TIMEOUT_MS = 60_000;

export async function connectToHost(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Host> {
  // A top-level page has no host around it (initialize() would reject at once); mobile clients inject nativeInterface.
  if (window.parent === window && !('nativeInterface' in window))
    return { kind: 'standalone', reason: 'Opened outside Teams.' };
  try {
    const { app } = await loadTeamsJs();
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    return {
      kind: 'teams',
      hostName: context.app.host.name,
      theme: toHostTheme(context.app.theme),
      locale: context.app.locale,
      userPrincipalName: context.user?.userPrincipalName ?? context.user?.loginHint,
      entityId: context.page.id || undefined,
      subPageId: context.page.subPageId || undefined,
    };
  } catch (err) {
    return { kind: 'standalone', reason: err instanceof Error ? err.message : String(err) };
  }
}

export function onHostThemeChange(handler: (theme: HostTheme) => void): void {
  void loadTeamsJs().then(({ app }) =>
    app.registerOnThemeChangeHandler((theme) => handler(toHostTheme(theme))),
  );
}

/**
 * An access token for our API from the host. Nested app authentication when the host recommends it
 * (it can also reach Graph), otherwise classic Teams SSO. Either way the API verifies the token.
 */
export async function getHostToken(nested?: NestedAuthConfig): Promise<string> {
  const { authentication, nestedAppAuth } = await loadTeamsJs();
  if (nested && nestedAppAuth.isNAAChannelRecommended()) {
    try {
      return await getNestedAppToken(nested);
    } catch (err) {
      console.warn('Nested app authentication failed; falling back to Teams SSO.', err);
    }
  }
  return withTimeout(authentication.getAuthToken(), TOKEN_TIMEOUT_MS);
}

async function getNestedAppToken({
  clientId,
  authority,
  scopes,
  loginHint,
}: NestedAuthConfig): Promise<string> {
  // Loaded on demand: most hosts never need MSAL, and it would double the tab's first download.
  const msal = await import('@azure/msal-browser');
  const client = await msal.createNestablePublicClientApplication({ auth: { clientId, authority } });
  const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
  try {
    return (await client.acquireTokenSilent({ scopes, ...(account ? { account } : {}) })).accessToken;
  } catch (err) {
    if (!(err instanceof msal.InteractionRequiredAuthError)) throw err;
    return (await client.acquireTokenPopup({ scopes, ...(loginHint ? { loginHint } : {}) })).accessToken;
  }
}

/** For the team tab's configuration page: saving pins the Service Requests view. */
export async function enableTabConfiguration(tab: {
  contentUrl: string;
  entityId: string;
  name: string;
}): Promise<void> {
  const { pages } = await loadTeamsJs();
  pages.config.registerOnSaveHandler((event) => {
    pages.config
      .setConfig({
        contentUrl: tab.contentUrl,
        websiteUrl: tab.contentUrl,
        entityId: tab.entityId,
        suggestedDisplayName: tab.name,
      })
      .then(() => event.notifySuccess())
      .catch((err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)));
  });
  pages.config.setValidityState(true);
}

function toHostTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not answer within ${ms / 1000} s.`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
