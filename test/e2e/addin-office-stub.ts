import type { Page } from 'playwright-core';

// office.js as Outlook on the web would load it, for the task pane in headless Chromium (docs/platform-behaviour.md §2.4): the CDN
// URL in taskpane.html is intercepted and answered with this stub, which reads a per-test fixture. Only the parts of
// the Office API the pane calls are here, with the same callback and AsyncResult shapes.

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export type StubAttachment = {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  contentBase64: string;
};

export type StubMessage = {
  subject: string;
  from: { displayName: string; emailAddress: string };
  to: { displayName: string; emailAddress: string }[];
  receivedAt: string;
  internetMessageId: string;
  conversationId: string;
  itemId: string;
  /** The raw header block getAllInternetHeadersAsync returns. */
  internetHeaders: string;
  html: string;
  text: string;
  attachments: StubAttachment[];
};

export type OfficeFixture = {
  /** 'Outlook', another Office host, or null for "loaded outside Office". */
  host: string | null;
  message?: StubMessage;
  mailboxOwner: string;
  /** What Office.auth.getAccessToken resolves to (legacy Office SSO), or the error it rejects with. */
  token?: string;
  tokenError?: { code: number; message: string };
  nestedAppAuth?: boolean;
};

/** Classic script (like the real office.js): defines window.Office from window.__officeFixture. */
const STUB_SOURCE = `(() => {
  const fx = window.__officeFixture;
  const ok = (value) => ({ status: 'succeeded', value });
  const failed = (message, code) => ({ status: 'failed', error: { message, code } });
  const toItem = (m) => m && {
    itemType: 'message',
    subject: m.subject,
    from: m.from,
    to: m.to,
    cc: [],
    dateTimeCreated: new Date(m.receivedAt),
    internetMessageId: m.internetMessageId,
    conversationId: m.conversationId,
    itemId: m.itemId,
    attachments: m.attachments.map((a) => ({ id: a.id, name: a.name, contentType: a.contentType, size: a.size, isInline: a.isInline, attachmentType: 'file' })),
    body: { getAsync: (type, callback) => setTimeout(() => callback(ok(type === 'html' ? m.html : m.text))) },
    getAllInternetHeadersAsync: (callback) => setTimeout(() => callback(ok(m.internetHeaders))),
    getAttachmentContentAsync: (id, callback) => {
      const found = m.attachments.find((a) => a.id === id);
      setTimeout(() => callback(found ? ok({ format: 'base64', content: found.contentBase64 }) : failed('The attachment was not found.', 9010)));
    },
  };
  const handlers = [];
  // A pinned pane: the agent selects another email (or none), and Outlook raises ItemChanged.
  window.__selectOutlookMessage = (message) => {
    window.Office.context.mailbox.item = toItem(message) || null;
    handlers.forEach((handler) => handler({ type: 'olkItemSelectedChanged' }));
  };
  window.Office = {
    HostType: { Outlook: 'Outlook', Word: 'Word', Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    },
    onReady: (callback) => {
      const info = { host: fx.host, platform: fx.host ? 'OfficeOnline' : null };
      if (callback) callback(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: {
        isSetSupported: (name, version) => {
          if (name === 'Mailbox') return Number(version) <= 1.8;
          if (name === 'NestedAppAuth') return Boolean(fx.nestedAppAuth);
          return false;
        },
      },
      mailbox: {
        item: fx.host === 'Outlook' ? toItem(fx.message) : undefined,
        userProfile: { emailAddress: fx.mailboxOwner, displayName: fx.mailboxOwner },
        addHandlerAsync: (type, handler, callback) => { handlers.push(handler); if (callback) callback(ok()); },
        removeHandlerAsync: (type, callback) => { handlers.length = 0; if (callback) callback(ok()); },
      },
    },
    auth: {
      getAccessToken: async () => {
        if (fx.tokenError) throw fx.tokenError;
        return fx.token;
      },
    },
  };
})();`;

/** What Outlook does when the agent selects another email while the pane is pinned (null: nothing selected). */
export async function selectOutlookMessage(page: Page, message: StubMessage | null): Promise<void> {
  await page.evaluate(
    (m) => (window as unknown as { __selectOutlookMessage(m: unknown): void }).__selectOutlookMessage(m),
    message,
  );
}

export async function installOfficeStub(page: Page, fixture: OfficeFixture): Promise<void> {
  await page.addInitScript((fx) => {
    (window as unknown as { __officeFixture: unknown }).__officeFixture = fx;
  }, fixture);
  await page.route(`${OFFICE_JS_URL}*`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: STUB_SOURCE }),
  );
}

/** office.js unreachable (blocked by a proxy, offline): the script tag fails to load. */
export async function blockOfficeJs(page: Page): Promise<void> {
  await page.route(`${OFFICE_JS_URL}*`, (route) => route.abort('blockedbyclient'));
}
