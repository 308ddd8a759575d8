import { describe, expect, it } from 'vitest';
import { encodeEcId } from '../../../../api/src/domain/ec-id.js';
import { formatOwnMessageId, renderHiddenTokenHtml } from '../../../../api/src/domain/reply-marker.js';
import { matchBodyToken } from '../../../../api/src/reply/matchers/body-token.js';
import { matchConversationId } from '../../../../api/src/reply/matchers/conversation-id.js';
import { matchHiddenHtmlToken } from '../../../../api/src/reply/matchers/hidden-html-token.js';
import { matchMessageIdHeaders } from '../../../../api/src/reply/matchers/message-id-headers.js';
import { matchSubjectSrNumber } from '../../../../api/src/reply/matchers/subject-sr-number.js';
import { matchContext, openRequest, customerReply } from '../../../fixtures/replies/match-lookup-stub.js';
import { CUSTOMER_ADDRESS, KEYRING } from '../../../fixtures/replies/outbound.js';

const token = encodeEcId({ requestId: 123, outboundId: 7 }, KEYRING);
const context = matchContext({
  outbound: [
    {
      outboundId: 7,
      requestId: 123,
      internetMessageId: 'AM0PR02MB1234.stamped@eurprd02.prod.outlook.com',
      conversationId: 'AAQkADconv123',
    },
    { outboundId: 8, requestId: 124 },
  ],
  requests: [
    openRequest(123),
    openRequest(124, { requesterEmail: 'bob@fabrikam.example', participantEmails: [CUSTOMER_ADDRESS] }),
  ],
});

const message = customerReply;

const marker = (t: string) => `##- Please type your reply above this line -## [${t}]`;

describe('1. the topmost token in the body', () => {
  // Damage that happens in html, on top of the text damage covered in ec-id-scan.test.ts.
  const damaged: [string, string][] = [
    ['entities', marker(token).replace(/[SR0-9]/g, (c) => `&#${c.charCodeAt(0)};`)],
    [
      'split across tags',
      `##- Reply above -## [<span style="color:gray">${token.slice(0, 8)}</span><span>${token.slice(8, 15)}</span><o:p></o:p>${token.slice(15)}]`,
    ],
    [
      'broken over block elements',
      `<div>##- Reply above -## [${token.slice(0, 10)}</div><div>${token.slice(10)}]</div>`,
    ],
    [
      'full-width, with &nbsp; and zero-width joiners',
      marker(token.replace(/-/g, '\uff0d').replace(/(\d)/g, '$1&#8203;')).replace(/ /g, '&nbsp;'),
    ],
    ['soft hyphens from a word processor', marker(token.split('').join('&shy;'))],
    ['lower-cased and in a quote', `<blockquote type="cite">${marker(token.toLowerCase())}</blockquote>`],
  ];

  it.each(damaged)('matches through %s', async (_, html) => {
    expect(await matchBodyToken(message({ bodyHtml: `<p>Thanks</p>${html}` }), context)).toMatchObject({
      requestId: 123,
      signal: 'body-token',
    });
  });

  it('takes the topmost token, not an older one deeper in the quote', async () => {
    const older = encodeEcId({ requestId: 124, outboundId: 8 }, KEYRING);
    const text = `Thanks\n> ${marker(token)}\n>> ${marker(older)}`;
    expect(await matchBodyToken(message({ bodyText: text }), context)).toMatchObject({ requestId: 123 });
  });

  it('reports a damaged topmost token with the number it still shows, instead of looking deeper', async () => {
    const damaged = `${token.slice(0, -1)}${token.endsWith('Z') ? 'Y' : 'Z'}`;
    const deeper = encodeEcId({ requestId: 124, outboundId: 8 }, KEYRING);
    expect(
      await matchBodyToken(message({ bodyText: `${marker(damaged)}\n> ${marker(deeper)}` }), context),
    ).toMatchObject({ problem: 'token-damaged', requestHint: 123 });
  });

  it('ignores the hidden copy: the visible text decides here', async () => {
    expect(
      await matchBodyToken(message({ bodyHtml: `<p>Thanks</p>${renderHiddenTokenHtml(token)}` }), context),
    ).toBeUndefined();
  });
});

describe('2. our Message-ID in In-Reply-To / References', () => {
  it('reads our own Message-ID and checks its token', async () => {
    const headers = [{ name: 'In-Reply-To', value: formatOwnMessageId(token, 'contoso.com') }];
    expect(await matchMessageIdHeaders(message({ headers }), context)).toMatchObject({
      requestId: 123,
      signal: 'own-message-id',
    });
  });

  it('parses comma-separated References (Exchange, iOS) newest first', async () => {
    const headers = [
      {
        name: 'References',
        value: `<first@elsewhere.example>,<AM0PR02MB1234.stamped@eurprd02.prod.outlook.com>`,
      },
    ];
    expect(await matchMessageIdHeaders(message({ headers }), context)).toMatchObject({
      requestId: 123,
      signal: 'in-reply-to',
    });
  });

  it('treats a Message-ID in our format with a bad token as a problem, not as a match', async () => {
    const forged = encodeEcId(
      { requestId: 124, outboundId: 8 },
      { current: { kid: KEYRING.current.kid, secret: 'guess' }, previous: [] },
    );
    const headers = [{ name: 'In-Reply-To', value: formatOwnMessageId(forged, 'contoso.com') }];
    expect(await matchMessageIdHeaders(message({ headers }), context)).toMatchObject({
      problem: 'token-forged',
    });
  });

  it("finds nothing in someone else's Message-IDs", async () => {
    const headers = [{ name: 'In-Reply-To', value: '<CAF123@mail.gmail.com>' }];
    expect(await matchMessageIdHeaders(message({ headers }), context)).toBeUndefined();
  });
});

describe('3. the hidden html token and the conversation', () => {
  it('reads the hidden token from its attribute or, when a client dropped that, from its text', async () => {
    expect(
      await matchHiddenHtmlToken(
        message({ bodyHtml: `<p>Hi</p><div data-sm-ref="${token}"></div>` }),
        context,
      ),
    ).toMatchObject({ requestId: 123, signal: 'hidden-token' });
    expect(
      await matchHiddenHtmlToken(
        message({ bodyHtml: `<p>Hi</p><div class="x_sm-ref">{#SM:${token}#}</div>` }),
        context,
      ),
    ).toMatchObject({ requestId: 123 });
    expect(await matchHiddenHtmlToken(message({ bodyText: `Hi\n\n{#SM:${token}#}` }), context)).toMatchObject(
      { requestId: 123 },
    );
  });

  it('maps a Graph conversationId of our sent mail to its SR', async () => {
    expect(await matchConversationId(message({ conversationId: 'AAQkADconv123' }), context)).toMatchObject({
      requestId: 123,
      signal: 'conversation-id',
    });
    expect(await matchConversationId(message({ conversationId: 'other' }), context)).toBeUndefined();
  });
});

describe('4. the SR number in the subject', () => {
  it('counts only for a participant of that SR', async () => {
    expect(
      await matchSubjectSrNumber(message({ subject: 'RE: Printer [SR-000124]' }), context),
    ).toMatchObject({ requestId: 124, signal: 'subject-sr-number', confidence: 0.6 });
    expect(
      await matchSubjectSrNumber(message({ subject: 'RE: Printer [SR-000999]' }), context),
    ).toBeUndefined();
    expect(
      await matchSubjectSrNumber(message({ subject: 'RE: Printer SR-000124' }), context),
    ).toBeUndefined();
  });

  it('reports the number from anyone else as a hint naming the SR, not as a match', async () => {
    const result = await matchSubjectSrNumber(
      message({ subject: 'RE: Printer [SR-000124]', from: { address: 'mallory@evil.example' } }),
      context,
    );
    expect(result).toEqual({
      hint: 'sender-not-on-sr',
      requestId: 124,
      signal: 'subject-sr-number',
      detail: expect.stringContaining('SR-000124'),
    });
    expect(result).not.toHaveProperty('confidence');
    expect((result as { detail: string }).detail).toContain(
      'mallory@evil.example is not its requester or a participant',
    );
  });
});
