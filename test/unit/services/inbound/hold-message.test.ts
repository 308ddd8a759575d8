import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../../api/src/domain/mail-message.js';
import { mailCenterItem } from '../../../../api/src/services/inbound/hold-message.js';

// The Mail Center preview is plain text: what the email says, as a reader sees it. The tab shows it as text, so an
// entity left in here would show on screen as "&lt;" (escaped once by the sender's HTML, again by React).

const message = (body: Pick<MailMessage, 'bodyHtml' | 'bodyText'>): MailMessage => ({
  subject: 'Fwd: access request',
  from: { name: 'Adele Vance', address: 'adele@fabrikam.test' },
  to: [],
  cc: [],
  replyTo: [],
  receivedAt: '2026-03-02T09:30:00Z',
  headers: [],
  attachments: [],
  ...body,
});

const previewOf = (body: Pick<MailMessage, 'bodyHtml' | 'bodyText'>): string =>
  mailCenterItem({
    accountId: 'a',
    mailbox: 'desk@contoso.test',
    message: message(body),
    reason: 'no-marker',
    evidence: [],
    candidates: [],
    original: { ref: 'r', contentType: 'application/json' },
  }).bodyPreview;

describe('Mail Center preview', () => {
  it('decodes the entities of an html body once, as a reader sees them', () => {
    const html =
      '<html><head><style>p { color: red }</style></head><body><p>Hi,&nbsp;please add me.</p><p><b>From:</b> Adele Vance &lt;adele@fabrikam.test&gt;<br>Tom &amp; Jerry &quot;ops&quot; &#8211; &#x2713;</p></body></html>';
    expect(previewOf({ bodyHtml: html })).toBe(
      'Hi, please add me. From: Adele Vance <adele@fabrikam.test> Tom & Jerry "ops" – ✓',
    );
  });

  it('keeps a plain-text body as it is, entity-like text included', () => {
    expect(previewOf({ bodyText: 'Write to\n  <adele@fabrikam.test> &lt;literally&gt;' })).toBe(
      'Write to <adele@fabrikam.test> &lt;literally&gt;',
    );
  });

  it('leaves out hidden content and scripts, and stops at 255 characters', () => {
    const html = `<div style="display:none">hidden preheader</div><script>alert(1)</script><p>${'word '.repeat(100)}</p>`;
    const preview = previewOf({ bodyHtml: html });
    expect(preview).not.toMatch(/hidden|alert/);
    expect(preview.length).toBeLessThanOrEqual(255);
    expect(preview.startsWith('word word')).toBe(true);
  });
});
