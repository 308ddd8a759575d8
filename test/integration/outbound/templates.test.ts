import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeEcId } from '../../../api/src/domain/ec-id.js';
import { createTestApi, type TestApi } from '../../support/test-api.js';

// Administration > Mail > Templates over HTTP (rules: rules-admin.test.ts). Every refusal is a 4xx in the one error
// shape and leaves the templates as they were.

const DEFAULT_LINE = '##- Please type your reply above this line -## #EC_ID#';
const template = (extra: object = {}) => ({
  name: 'Follow-up',
  subject: 'Update on #SR_ID#',
  bodyHtml: '<p>Dear #REQUESTER_NAME#,</p><p>#LAST_NOTE#</p>',
  ...extra,
});

describe('mail templates', () => {
  let api: TestApi;
  let admin: string;
  const as = (method: 'get' | 'post' | 'put' | 'delete', url: string) =>
    request(api.app)[method](url).auth(admin, { type: 'bearer' });
  const stored = () =>
    api.services.store.read(async (tx) => ({
      templates: await tx.collection('mailTemplates').all(),
      rules: await tx.collection('rules').all(),
    }));

  beforeEach(async () => {
    api = await createTestApi();
    admin = await api.admin();
  });

  async function expectRefused(call: () => request.Test, status: number, message?: RegExp) {
    const before = await stored();
    const res = await call();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error).toMatchObject({ message: expect.any(String), requestId: expect.any(String) });
    if (message) expect(res.body.error.message).toMatch(message);
    expect(await stored()).toEqual(before);
    return res;
  }

  it('start with sensible defaults, each with the example reply text; the editor gets the line, placeholders and limits', async () => {
    const list = await as('get', '/api/admin/mail/templates').expect(200);
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual([
      'Reply to customer',
      'Request received',
      'Status update',
    ]);
    expect(list.body.items.every((t: { replyText: string }) => t.replyText === DEFAULT_LINE)).toBe(true);
    const defaults = await request(api.app)
      .get('/api/admin/mail/templates/defaults')
      .auth(await api.agent(), { type: 'bearer' })
      .expect(200);
    expect(defaults.body.replyText).toBe(DEFAULT_LINE);
    expect(defaults.body.placeholders.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        '#SR_ID#',
        '#SR_TITLE#',
        '#STATUS#',
        '#REQUESTER_NAME#',
        '#ASSIGNEE_NAME#',
        '#LAST_NOTE#',
        '#SR_LINK#',
      ]),
    );
    expect(defaults.body.limits).toEqual({ subjectChars: 200, bodyChars: 100_000 });
  });

  it('says for each template whether its reply text brings replies back (the setup checklist ticks it from this)', async () => {
    const problemsOf = async () =>
      Object.fromEntries(
        (await as('get', '/api/admin/mail/templates').expect(200)).body.items.map(
          (t: { id: string; replyTextProblems: string[] }) => [t.id, t.replyTextProblems],
        ),
      );
    expect(Object.values(await problemsOf()).every((p) => Array.isArray(p) && p.length === 0)).toBe(true);
    // Saving refuses such a line; one stored before that rule (or edited in the data file) is still reported.
    await api.services.store.transact(async (tx) => {
      const stale = (await tx.collection('mailTemplates').get('status-update'))!;
      await tx.collection('mailTemplates').put({ ...stale, replyText: 'Please reply above this line' });
    });
    const problems = await problemsOf();
    expect(problems['status-update']).toEqual(expect.arrayContaining([expect.stringMatching(/#EC_ID#/)]));
    expect(problems['reply-to-customer']).toEqual([]);
  });

  it('gives a new template the example reply text, keeps reworded text between the hashes, and "Set Example text" restores it', async () => {
    const created = await as('post', '/api/admin/mail/templates').send(template()).expect(201);
    expect(created.body).toMatchObject({
      replyText: DEFAULT_LINE,
      purpose: 'manual',
      bodyText: 'Dear #REQUESTER_NAME#,\n\n#LAST_NOTE#',
    });
    const reworded = '##- Bitte antworten Sie oberhalb dieser Zeile -## #EC_ID#';
    const saved = await as('put', `/api/admin/mail/templates/${created.body.id}`)
      .send(template({ replyText: reworded }))
      .expect(200);
    expect(saved.body.replyText).toBe(reworded);
    const example = (await as('get', '/api/admin/mail/templates/defaults').expect(200)).body
      .replyText as string;
    const restored = await as('put', `/api/admin/mail/templates/${created.body.id}`)
      .send(template({ replyText: example }))
      .expect(200);
    expect(restored.body.replyText).toBe(DEFAULT_LINE);
  });

  it.each([
    ['without #EC_ID#', '##- Please type your reply above this line -##', /must contain #EC_ID#/],
    [
      'with #EC_ID# misspelt',
      '##- Please type your reply above this line -## #EC-ID#',
      /Write #EC_ID# exactly/,
    ],
    [
      'with #EC_ID# missing a hash',
      '##- Please type your reply above this line -## EC_ID#',
      /Write #EC_ID# exactly/,
    ],
    [
      'with a broken opening',
      '#- Please type your reply above this line -## #EC_ID#',
      /must start with "##-"/,
    ],
    [
      'with a broken closing',
      '##- Please type your reply above this line -# #EC_ID#',
      /Close the marker text with "-##"/,
    ],
    [
      'with #EC_ID# inside the text',
      '##- Reply #EC_ID# above -##',
      /"##- text -## #EC_ID#"|must not contain "#"/,
    ],
    ['with #EC_ID# twice', '##- Reply above -## #EC_ID# #EC_ID#', /only once/],
    ['with nothing between the hashes', '##- -## #EC_ID#', /Type the instruction/],
    ['on two lines', '##- Reply above -##\n#EC_ID#', /single line/],
  ])('refuses a reply text %s', async (_case, replyText, message) => {
    const res = await expectRefused(
      () => as('post', '/api/admin/mail/templates').send(template({ replyText })),
      400,
      message,
    );
    // The one validation shape of every route, so the editor puts the message under the reply text field.
    expect(res.body.error.details).toContainEqual({
      path: 'replyText',
      message: expect.stringMatching(message),
    });
  });

  it.each([
    [
      'in the body',
      { bodyHtml: '<p>Hello #CUSTOMER_NAME#</p>' },
      /Body: #CUSTOMER_NAME# is not a placeholder/,
    ],
    ['in the subject', { subject: 'About #TICKET#' }, /Subject: #TICKET# is not a placeholder/],
    ['in lower case', { bodyHtml: '<p>#sr_title#</p>' }, /written in capitals: #SR_TITLE#/],
    ['#EC_ID# in the body', { bodyHtml: '<p>Ref #EC_ID#</p>' }, /belongs in the reply text line only/],
  ])('refuses an unknown placeholder %s at save time', async (_case, fields, message) => {
    const res = await expectRefused(
      () => as('post', '/api/admin/mail/templates').send(template(fields)),
      400,
      message,
    );
    expect(res.body.error.details).toEqual([
      { path: 'subject' in fields ? 'subject' : 'bodyHtml', message: expect.stringMatching(message) },
    ]);
  });

  it('limits enormous bodies and subjects', async () => {
    await expectRefused(
      () =>
        as('post', '/api/admin/mail/templates').send(template({ bodyHtml: `<p>${'x'.repeat(100_000)}</p>` })),
      400,
      /at most 100000 characters/,
    );
    await expectRefused(
      () => as('post', '/api/admin/mail/templates').send(template({ bodyHtml: 'x'.repeat(2 * 1024 * 1024) })),
      413,
    );
    await expectRefused(
      () => as('post', '/api/admin/mail/templates').send(template({ subject: 's'.repeat(201) })),
      400,
    );
  });

  it('sanitises script, event handlers, frames and javascript: links on save, keeping the formatting', async () => {
    const res = await as('post', '/api/admin/mail/templates')
      .send(
        template({
          bodyHtml:
            '<h2 onmouseover="steal()">Hi #REQUESTER_NAME#</h2><script>alert(1)</script><iframe src="https://evil.test"></iframe>' +
            '<p style="color:#cc0000;position:fixed">Note</p><a href="javascript:alert(1)">x</a> <a href="#SR_LINK#">open</a><img src="http://x.test/t.gif" onerror="y()"><form><input></form>',
        }),
      )
      .expect(201);
    expect(res.body.bodyHtml).toBe(
      '<h2>Hi #REQUESTER_NAME#</h2><p style="color:#cc0000">Note</p><a>x</a> <a href="#SR_LINK#">open</a><img />',
    );
    await expectRefused(
      () =>
        as('post', '/api/admin/mail/templates').send(
          template({ name: 'Only script', bodyHtml: '<script>alert(1)</script>' }),
        ),
      400,
      /write the text/,
    );
  });

  it('previews against an SR with a sample token that does not verify, values escaped', async () => {
    const sr = await as('post', '/api/requests')
      .send({ title: 'Broken <b>keyboard</b>', requester: { name: 'Lee & Co', email: 'lee@fabrikam.test' } })
      .expect(201);
    const preview = await as('post', '/api/admin/mail/templates/reply-to-customer/preview')
      .send({ requestId: sr.body.number })
      .expect(200);
    expect(preview.body.subject).toBe(`Broken <b>keyboard</b> [${sr.body.number}]`);
    expect(preview.body.replyText).toBe(
      `##- Please type your reply above this line -## [${preview.body.sampleToken}]`,
    );
    expect(preview.body.bodyHtml).toContain('Dear Lee &amp; Co,');
    expect(preview.body.bodyText).toContain('Dear Lee & Co,');
    expect(decodeEcId(preview.body.sampleToken, api.services.ecIdKeyring, new Date()).status).not.toBe(
      'valid',
    );
    await expectRefused(
      () =>
        as('post', '/api/admin/mail/templates/reply-to-customer/preview').send({ requestId: 'SR-009999' }),
      404,
    );
  });

  it('refuses duplicate names, and deleting a template a rule uses', async () => {
    await expectRefused(
      () => as('post', '/api/admin/mail/templates').send(template({ name: 'request RECEIVED' })),
      409,
      /already exists/,
    );
    await as('post', '/api/admin/rules')
      .send({
        name: 'Ack',
        trigger: { kind: 'sr-created' },
        templateId: 'request-received',
        recipients: [{ kind: 'requester' }],
      })
      .expect(201);
    await expectRefused(
      () => as('delete', '/api/admin/mail/templates/request-received'),
      409,
      /used by the rule\(s\) "Ack"/,
    );
    await as('delete', '/api/admin/mail/templates/status-update').expect(204);
    await expectRefused(() => as('get', '/api/admin/mail/templates/status-update'), 404);
  });

  it('lets agents read templates but only admins change them', async () => {
    const agent = await api.agent();
    await request(api.app).get('/api/admin/mail/templates').auth(agent, { type: 'bearer' }).expect(200);
    await request(api.app)
      .post('/api/admin/mail/templates')
      .auth(agent, { type: 'bearer' })
      .send(template())
      .expect(403);
    await request(api.app).get('/api/admin/rules').auth(agent, { type: 'bearer' }).expect(403);
  });
});
