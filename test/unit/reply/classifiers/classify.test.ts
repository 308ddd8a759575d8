import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../../api/src/domain/mail-message.js';
import { classifyMessage, type ClassifyContext } from '../../../../api/src/reply/classify.js';
import { fromMime } from '../../../../api/src/reply/normalise/from-mime.js';

const EML = path.resolve(import.meta.dirname, '../../../fixtures/replies/eml');
const context: ClassifyContext = {
  ownAddresses: ['support@contoso.com'],
  ownMessageIdDomains: ['contoso.com'],
};

async function classifyEml(name: string, ctx: ClassifyContext = context) {
  return classifyMessage(await fromMime(readFileSync(path.join(EML, name))), ctx);
}

function message(overrides: Partial<MailMessage>): MailMessage {
  return {
    subject: '',
    from: { address: 'anna@fabrikam.example' },
    to: [],
    cc: [],
    replyTo: [],
    receivedAt: '2025-01-01T00:00:00Z',
    headers: [],
    attachments: [],
    ...overrides,
  };
}

describe('classification before matching', () => {
  it.each([
    ['exchange-ndr.eml', 'bounce', 'header:x-ms-exchange-message-is-ndr'],
    ['postfix-dsn.eml', 'bounce', 'content-type:delivery-status-report'],
    ['gmail-bounce.eml', 'bounce', 'header:x-failed-recipients'],
    ['exchange-oof-de.eml', 'auto-reply', 'header:exchange-inbox-rule'],
    ['gmail-vacation.eml', 'auto-reply', 'header:auto-submitted'],
    ['read-receipt.eml', 'system', 'content-type:read-receipt'],
    ['meeting-accepted.eml', 'system', 'content-type:calendar'],
    ['own-looped.eml', 'own', 'from:own-address'],
    ['autoresponder-loop.eml', 'loop', 'header:x-loop-own-address'],
  ])('%s is %s', async (name, klass, signal) => {
    const result = await classifyEml(name);
    expect(result.class).toBe(klass);
    expect(result.evidence.map((e) => e.signal)).toContain(signal);
  });

  it.each([
    ['carrier-mailbox-full.eml', ['part:attached-original', 'content:ndr-wording', 'subject:bounce']],
    ['smail-failed.eml', ['from:mail-system', 'subject:bounce', 'content:ndr-wording']],
    ['list-loop-alert.eml', ['from:list-manager', 'subject:bounce', 'content:ndr-wording']],
  ])('%s is a bounce, though it is no DSN: several kinds of evidence agree', async (name, signals) => {
    const result = await classifyEml(name);
    expect(result.class).toBe('bounce');
    expect(result.evidence.map((e) => e.signal)).toEqual(expect.arrayContaining(signals));
  });

  it('lets no single weak hint decide, nor hide the others: a no-reply sender still gets its bounce wording read', async () => {
    const result = await classifyEml('carrier-mailbox-full.eml');
    expect(result.evidence.map((e) => e.signal)).toContain('from:no-reply');
    expect(result.class).toBe('bounce');
    const noReplyOnly = classifyMessage(
      message({ from: { address: 'no-reply@fabrikam.example' }, bodyText: 'Thanks for your order.' }),
      context,
    );
    expect(noReplyOnly.class).toBe('human');
  });

  it('reads an auto-reply subject a gateway folded to ASCII (Latvian Outlook)', async () => {
    const result = await classifyEml('oof-latvian-folded.eml');
    expect(result.class).toBe('auto-reply');
    expect(result.evidence.map((e) => e.signal)).toContain('subject:auto-reply');
  });

  it.each([
    ['human-undeliverable-question.eml', 'a person may write every bounce and away word there is'],
    ['human-forward-as-attachment.eml', 'a person forwarding a bounce as an attachment'],
    ['human-xars-only.eml', 'X-Auto-Response-Suppress alone only asks others not to auto-reply'],
    ['human-forwarded-bounce.eml', 'a person forwarding a bounce is a person'],
    ['outlook-reply-images.eml', 'an ordinary Outlook reply'],
    ['apple-flowed.eml', 'an ordinary Apple Mail reply'],
  ])('%s is human: %s', async (name) => {
    expect((await classifyEml(name)).class).toBe('human');
  });

  it('knows our own mail by its Message-ID and X-SM-Ref even from another address', () => {
    const result = classifyMessage(
      message({
        internetMessageId: '<sm.SR-000123-7-TWWA4CRAHNG@contoso.com>',
        headers: [{ name: 'X-SM-Ref', value: 'SR-000123-7-TWWA4CRAHNG' }],
      }),
      context,
    );
    expect(result.class).toBe('own');
    expect(result.evidence.map((e) => e.signal)).toEqual(
      expect.arrayContaining(['message-id:own', 'header:x-sm-ref']),
    );
  });

  it('calls a burst beyond the configured rate a loop, and stays pure (the engine counts)', () => {
    expect(classifyMessage(message({}), { ...context, recent: { count: 20, limit: 20 } }).class).toBe('loop');
    expect(classifyMessage(message({}), { ...context, recent: { count: 19, limit: 20 } }).class).toBe(
      'human',
    );
  });

  it('reads localised auto-reply subjects, but not a person answering one', () => {
    for (const subject of [
      'Automatic reply: Your request',
      'Réponse automatique : Votre demande',
      'Risposta automatica: richiesta',
      'Автоматический ответ: заявка',
      '自动回复: 请求',
    ]) {
      expect(classifyMessage(message({ subject }), context).class, subject).toBe('auto-reply');
    }
    expect(classifyMessage(message({ subject: 'RE: Automatic reply: Your request' }), context).class).toBe(
      'human',
    );
  });

  it('does not take a person writing about an absence for an auto-reply', () => {
    const human = message({
      subject: 'Absence next week',
      bodyText: 'I will be out of the office next week, please call Bob.',
    });
    expect(classifyMessage(human, context).class).toBe('human');
  });

  it('honours Auto-Submitted: no and ignores Precedence: list on its own', () => {
    expect(
      classifyMessage(message({ headers: [{ name: 'Auto-Submitted', value: 'no' }] }), context).class,
    ).toBe('human');
    expect(
      classifyMessage(message({ headers: [{ name: 'Precedence', value: 'list' }] }), context).class,
    ).toBe('human');
  });

  it('classifies a message with no headers at all as human', () => {
    expect(
      classifyMessage(
        message({ bodyText: 'Dear XXXXX: This is a reminder that your services expire.' }),
        context,
      ).class,
    ).toBe('human');
  });

  it('takes Exchange message classes from Graph', () => {
    expect(classifyMessage(message({ messageClass: 'REPORT.IPM.Note.NDR' }), context).class).toBe('bounce');
    expect(classifyMessage(message({ messageClass: 'IPM.Schedule.Meeting.Request' }), context).class).toBe(
      'system',
    );
    expect(
      classifyMessage(message({ messageClass: 'IPM.Note.Rules.OofTemplate.Microsoft' }), context).class,
    ).toBe('auto-reply');
  });
});
