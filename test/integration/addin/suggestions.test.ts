import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/test-api.js';
import {
  createRequest,
  damage,
  emailFor,
  outlookReplyQuoting,
  post,
  recordSentEmail,
  setStatus,
} from './addin-fixtures.js';

type Suggestion = { number: string; score: number; reasons: { code: string; text: string }[] };

// POST /api/addin/suggestions: SRs ranked by the evidence, each reason in words the agent can judge.
describe('add-in suggestions', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi();
  });

  const suggest = async (email: ReturnType<typeof emailFor>): Promise<Suggestion[]> =>
    (await post(api, '/api/addin/suggestions', { email })).body.items;

  it("puts the SR of a damaged marker first, above the sender's other open SR, saying why", async () => {
    const other = await createRequest(api, 'Printer on the 3rd floor keeps jamming');
    const target = await createRequest(api, 'Laptop battery drains overnight');
    const sent = await recordSentEmail(api, target.id, 7);
    const body = outlookReplyQuoting(
      sent.markerLine.replace(sent.token, damage(sent.token)),
      'Still draining, battery report attached.',
    );
    const items = await suggest(emailFor({ subject: 'Battery', bodyHtml: body.html, bodyText: body.text }));

    expect(items.map((s) => s.number)).toEqual([target.number, other.number]);
    expect(items[0]?.reasons).toEqual([
      { code: 'marker-damaged', text: `quoted marker ${target.number} (check failed)` },
      { code: 'sender-open-sr', text: "sender's open SR" },
    ]);
    expect(items[1]?.reasons).toEqual([{ code: 'sender-open-sr', text: "sender's open SR" }]);
  });

  it('reads a marker cut short (a remnant) as damaged, keeping its SR number', async () => {
    const target = await createRequest(api, 'VPN drops');
    const sent = await recordSentEmail(api, target.id, 2);
    const remnant = sent.token.slice(0, -5);
    const items = await suggest(
      emailFor({
        from: { address: 'someone@else.test' },
        bodyHtml: `<p>see below</p><p>##- Please type your reply above this line -## [${remnant}</p>`,
        bodyText: undefined,
      }),
    );
    expect(items[0]).toMatchObject({
      number: target.number,
      reasons: [{ code: 'marker-damaged', text: `quoted marker ${target.number} (check failed)` }],
    });
  });

  it('leads with our Message-ID in In-Reply-To when the marker was deleted', async () => {
    await createRequest(api, 'Printer jams');
    const target = await createRequest(api, 'New starter laptop');
    const sent = await recordSentEmail(api, target.id, 3);
    const items = await suggest(
      emailFor({
        from: { address: 'new.person@fabrikam.test' },
        headers: [
          { name: 'In-Reply-To', value: sent.internetMessageId },
          { name: 'References', value: `<old@x.test>, ${sent.internetMessageId}` },
        ],
      }),
    );
    expect(items[0]).toMatchObject({
      number: target.number,
      reasons: [
        {
          code: 'our-message-id',
          text: `answers our email about ${target.number} (our Message-ID in In-Reply-To)`,
        },
      ],
    });
  });

  it('ranks an intact marker above everything else', async () => {
    const subjectSr = await createRequest(api, 'Email quota');
    const markerSr = await createRequest(api, 'Broken monitor');
    const sent = await recordSentEmail(api, markerSr.id, 4);
    const items = await suggest(
      emailFor({
        subject: `RE: ${subjectSr.number} quota`,
        bodyHtml: `<p>thanks</p><div class="sm-ref" data-sm-ref="${sent.token}" style="display:none"></div>`,
      }),
    );
    expect(items.map((s) => [s.number, s.reasons[0]?.code])).toEqual([
      [markerSr.number, 'marker-valid'],
      [subjectSr.number, 'subject-number'],
    ]);
  });

  it("suggests the sender's open SRs and similar subjects, never their closed ones", async () => {
    const closed = await createRequest(api, 'Printer jams again');
    await setStatus(api, closed.number, 'Closed');
    const open = await createRequest(api, 'Printer on the 3rd floor keeps jamming');
    const stranger = await createRequest(api, 'Printer toner jamming on floor 2', {
      name: 'Kim',
      email: 'kim@fabrikam.test',
    });
    const items = await suggest(emailFor({ subject: 'RE: printer still jamming on the 3rd floor' }));
    expect(items.map((s) => s.number)).toEqual([open.number, stranger.number]);
    expect(items[0]?.reasons.map((r) => r.code)).toEqual(['sender-open-sr', 'subject-similar']);
    expect(items[1]?.reasons).toEqual([
      { code: 'subject-similar', text: 'subject resembles "Printer toner jamming on floor 2"' },
    ]);
  });

  it('suggests nothing when nothing points anywhere', async () => {
    await createRequest(api, 'Printer jams', { name: 'Kim', email: 'kim@fabrikam.test' });
    expect(await suggest(emailFor({ subject: 'Lunch on Friday?' }))).toEqual([]);
  });

  it('needs the agent role', async () => {
    await post(api, '/api/addin/suggestions', { email: emailFor() }, 403, await api.token({ roles: [] }));
  });
});
