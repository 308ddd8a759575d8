import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerValue } from '../../../../api/src/domain/mail-message.js';
import { decodeFlowed } from '../../../../api/src/reply/normalise/decode-flowed.js';
import { fromMime } from '../../../../api/src/reply/normalise/from-mime.js';

const EML = path.resolve(import.meta.dirname, '../../../fixtures/replies/eml');
const eml = (name: string) => readFileSync(path.join(EML, name));

describe('raw MIME -> MailMessage', () => {
  it('reads headers, addresses, both bodies and inline parts of an Outlook reply', async () => {
    const message = await fromMime(eml('outlook-reply-images.eml'));
    expect(message.subject).toBe('RE: Your request [SR-000123]');
    expect(message.from).toEqual({ name: 'Anna Schmidt', address: 'anna.schmidt@fabrikam.example' });
    expect(headerValue(message, 'references')).toBe(
      '<older.1@contoso.com>,<sm.SR-000123-7-TWWA4CRAHNG@contoso.com>',
    );
    expect(message.bodyHtml).toContain('WordSection1');
    expect(message.bodyText).toContain('screenshot');
    expect(message.attachments.map((a) => [a.contentId, a.isInline, a.contentType])).toEqual([
      ['image001.png@01DA5D2E.4F6B5B20', true, 'image/png'],
      ['image002.png@01DA5D2E.4F6B5B20', true, 'image/png'],
    ]);
  });

  it('decodes format=flowed by quote depth: a quoted line ending in a space never swallows the reply below it', async () => {
    const message = await fromMime(eml('apple-flowed.eml'));
    expect(message.bodyText).toContain('it appears right after the printer wakes up from sleep.');
    expect(message.bodyText).toMatch(/> Dear Anna, could you tell us the error code\?\s*\nAnna/);
  });

  it('keeps what it can read of broken MIME with an unknown charset, and says so', async () => {
    const message = await fromMime(eml('broken-mime.eml'));
    expect(message.from.address).toBe('anna.schmidt@fabrikam.example');
    expect(message.bodyText ?? message.problems?.join(' ')).toBeTruthy();
  });

  it('decodes raw 8-bit UTF-8 inside a part declared quoted-printable as mail clients do', async () => {
    // Gateways and some clients put UTF-8 bytes unescaped into a quoted-printable part; clients read them as bytes of
    // the part's charset. mailparser 3.9 turned the dash and the apostrophe into control characters.
    const message = await fromMime(eml('qp-raw-utf8.eml'));
    const expected = 'The printer works again \u2014 it\u2019s the one on floor 3 (caf\u00e9 side). Thanks!';
    expect(message.bodyText?.trim()).toBe(expected);
    expect(message.bodyHtml).toContain(`<div>${expected}</div>`);
  });

  it('never throws, even on binary garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256));
    const message = await fromMime(garbage);
    expect(message.headers).toBeDefined();
  });

  it('keeps the sender name when a bounce has no address (From: MAILER-DAEMON <>)', async () => {
    const message = await fromMime('From: MAILER-DAEMON <>\r\nSubject: Mail delivery failed\r\n\r\nbody\r\n');
    expect(message.from.name).toBe('MAILER-DAEMON');
  });
});

describe('format=flowed', () => {
  it('joins soft breaks of the same depth, deletes the space with delsp, keeps the signature separator', () => {
    expect(decodeFlowed('one \ntwo\n> q1 \n> q2\n-- \nsig', false)).toBe('one two\n> q1 q2\n-- \nsig');
    expect(decodeFlowed('wo \nrd', true)).toBe('word');
    expect(decodeFlowed('> quoted \nreply', false)).toBe('> quoted \nreply');
  });
});
