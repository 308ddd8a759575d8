import { describe, expect, it } from 'vitest';
import { extractReply } from '../../../../api/src/reply/extract/extract-reply.js';

// How plain text says what is quoted: ">" marks, Outlook for Mac's indentation, or nothing at all below a header
// block or a forward caption. Only marked quotes can have the writer's words below them.

const ATTRIBUTION = 'On 12 Feb 2024, at 10:15, Service Desk <support@contoso.com> wrote:';

describe('quote marks in plain text', () => {
  it('takes an original indented as a whole (Outlook for Mac) for history, with nothing written above it', () => {
    const reply = extractReply({
      text: `${ATTRIBUTION}\n\n    Dear Anna, could you tell us the error code?\n\n    Contoso Service Desk\n`,
    });
    expect(reply.text).toBe('');
    expect(reply.elidedText).toContain('Dear Anna');
  });

  it('keeps text below an attribution whose quote is not there: neither ">" nor indented throughout', () => {
    const text = `${ATTRIBUTION}\n\n    printer.reset()\n\nThat call fails with 0x80070005.`;
    expect(extractReply({ text }).text).toBe('printer.reset()\n\nThat call fails with 0x80070005.');
  });

  it('takes everything below a forward caption for the forwarded message, and says it is a forward', () => {
    const reply = extractReply({
      text: '---------- Forwarded message ---------\nFrom: Vendor <sales@vendor.example>\nDate: Mon, 12 Feb 2024\n\nYour order shipped.',
    });
    expect(reply).toMatchObject({ text: '', layout: 'forwarded' });
    expect(reply.elidedHtml).toContain('Your order shipped.');
  });

  it('keeps what the writer puts right below a ">" line of their own choosing, not a signature below quoted history', () => {
    const own = 'Visit us now:\n> https://status.contoso.example\nThe page lists every outage.';
    expect(extractReply({ text: own }).text).toBe(own);
    const signatureBelow = `Works now, thanks.\n\n> ${ATTRIBUTION}\n> Could you tell us the error code?\nAnna`;
    expect(extractReply({ text: signatureBelow }).text).toBe('Works now, thanks.');
  });

  it('tells an answer typed right below a short quoted line from a quoted line re-wrapped at the wrap width', () => {
    const answered = `Hello,\n\n${ATTRIBUTION}\n> Which printer?\nThe one on floor 3.\n> Since when?\nMonday.`;
    expect(extractReply({ text: answered }).text).toBe(
      'Hello,\n\n> Which printer?\nThe one on floor 3.\n> Since when?\nMonday.',
    );
    const rewrapped = `Hello,\n\n${ATTRIBUTION}\n> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod\ntempor incididunt ut labore.\n> Ut enim ad minim veniam.`;
    expect(extractReply({ text: rewrapped }).text).toBe('Hello,');
  });
});
