import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReply } from '../../../../api/src/reply/extract/extract-reply.js';
import { fromMime } from '../../../../api/src/reply/normalise/from-mime.js';

const EML = path.resolve(import.meta.dirname, '../../../fixtures/replies/eml');
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('what the person wrote', () => {
  it('keeps a pasted screenshot and drops our logo Outlook re-attached from the quote', async () => {
    const message = await fromMime(readFileSync(path.join(EML, 'outlook-reply-images.eml')));
    const reply = extractReply(
      { html: message.bodyHtml, text: message.bodyText },
      { rewriteCid: (cid) => `/api/requests/123/attachments/${encodeURIComponent(cid)}/content` },
    );
    expect(words(reply.text)).toBe('Here is a screenshot of the error. Anna');
    expect(reply.inlineContentIds).toEqual(['image001.png@01DA5D2E.4F6B5B20']);
    expect(reply.html).toContain(
      'src="/api/requests/123/attachments/image001.png%4001DA5D2E.4F6B5B20/content"',
    );
    expect(reply.html).not.toContain('image002');
    expect(reply.elidedText).toContain('could you tell us the error code');
    expect(reply.boundary).toEqual({ kind: 'outlook-separator', source: 'html' });
  });

  it('reads a format=flowed Apple Mail reply', async () => {
    const message = await fromMime(readFileSync(path.join(EML, 'apple-flowed.eml')));
    const reply = extractReply({ html: message.bodyHtml, text: message.bodyText });
    expect(reply.text).toBe(
      'The error code is 0x80070005, it appears right after the printer wakes up from sleep.',
    );
  });

  it('removes tenant banners above the text, in html and in plain text', () => {
    const html =
      '<table><tr><td style="background:#fff8e5">You don\'t often get email from anna@fabrikam.example. <a href="https://aka.ms/LearnAboutSenderIdentification">Learn why this is important</a></td></tr></table>' +
      '<div>CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender.</div>' +
      '<div>The printer works again, thanks!</div><div id="appendonsend"></div><div id="divRplyFwdMsg"><b>From:</b> Service Desk</div><div>quoted</div>';
    const reply = extractReply({ html });
    expect(reply.text).toBe('The printer works again, thanks!');
    expect(reply.bannersRemoved).toBe(2);
    const text = extractReply({
      text: '[EXTERNAL]\nThe printer works again.\n\nOn Mon, 12 Feb 2024 at 10:15, Desk <support@contoso.com> wrote:\n> quoted',
    });
    expect(text.text).toBe('The printer works again.');
  });

  it('keeps the signature and the formatting the person used', () => {
    const html =
      '<div><b>Important:</b> the <i>second</i> printer too.</div><div><br></div><div>--&nbsp;</div><div>Anna Schmidt | Fabrikam | +49 30 1234567</div><div class="gmail_quote">On Mon wrote:<blockquote>q</blockquote></div>';
    const reply = extractReply({ html });
    expect(reply.html).toContain('<b>Important:</b>');
    expect(reply.html).toContain('<i>second</i>');
    expect(reply.text).toContain('Anna Schmidt | Fabrikam | +49 30 1234567');
  });

  it('keeps answers written between quoted passages, each with the quote it answers', () => {
    const text = [
      'Answers below.',
      '',
      'On Mon, 12 Feb 2024 at 10:15, Service Desk <support@contoso.com> wrote:',
      '> ##- Please type your reply above this line -## [SR-000123-7-TWWA4CRAHNG]',
      '> Which printer is it?',
      '',
      'The one on floor 3.',
      '',
      '> And the error code?',
      '',
      '0x80070005',
    ].join('\n');
    const reply = extractReply({ text });
    expect(reply.layout).toBe('interleaved');
    expect(reply.text).toContain('The one on floor 3.');
    expect(reply.text).toContain('0x80070005');
    expect(reply.text).toContain('> And the error code?');
    expect(reply.text).not.toContain('##-');
  });

  it('reads a bottom-posted reply below the quote', () => {
    const reply = extractReply({
      text: 'On 04/02/2024 10:15, Service Desk wrote:\n> Which printer?\n\nThe one on floor 3.\n',
    });
    expect(reply.layout).toBe('bottom-posted');
    expect(reply.text).toBe('The one on floor 3.');
  });

  it('cuts at our marker line when nothing else marks the quote', () => {
    const reply = extractReply({
      text: 'Done, thanks.\n##- Please type your reply above this line -## [SR-000123-7-TWWA4CRAHNG]\nDear Anna',
    });
    expect(reply).toMatchObject({ text: 'Done, thanks.', boundary: { kind: 'marker' } });
  });

  it('cuts after a device footer: what follows it is quoted history even without a header', () => {
    const reply = extractReply({
      text: 'Works now.\n\nSent from my iPhone\n\nDear Anna, could you restart the printer?',
    });
    expect(reply.text).toBe('Works now.\n\nSent from my iPhone');
  });

  it('does not cut at words that only look like quote headers', () => {
    const text =
      'On the surface this looks fine.\nFrom: my side nothing changed.\nOn average it fails twice a day.\n-- first point\n-- second point';
    expect(extractReply({ text }).text).toBe(text);
  });

  it('says whether Graph uniqueBody agrees with the cut', () => {
    const html = '<div>Fixed.</div><div class="gmail_quote">On Mon wrote:<blockquote>q</blockquote></div>';
    expect(extractReply({ html, uniqueBodyHtml: '<div>Fixed.</div>' }).uniqueBody).toBe('agrees');
    expect(extractReply({ html, uniqueBodyHtml: html }).uniqueBody).toBe('differs');
  });

  it('handles empty bodies and html without a body tag', () => {
    expect(extractReply({}).text).toBe('');
    expect(extractReply({ html: '   ' }).text).toBe('');
    expect(extractReply({ html: 'Just <b>text</b> without markup around it' }).text).toBe(
      'Just text without markup around it',
    );
  });
});
