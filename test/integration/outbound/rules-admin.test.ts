import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/test-api.js';

// Administration > rules over HTTP: saved in the desk's spelling, replaced, deleted; every refusal is a 400 that
// leaves the rules as they were. What a rule sends, and when, is in rules.test.ts.

describe('rules', () => {
  let api: TestApi;
  let admin: string;
  const post = (body: object) =>
    request(api.app).post('/api/admin/rules').auth(admin, { type: 'bearer' }).send(body);
  const rule = (extra: object = {}) => ({
    name: 'Status mail',
    trigger: { kind: 'status-changed', to: 'resolved' },
    templateId: 'status-update',
    recipients: [{ kind: 'requester' }],
    ...extra,
  });

  beforeEach(async () => {
    api = await createTestApi();
    admin = await api.admin();
  });

  it("are saved with the desk's spelling of statuses, and replaced and deleted", async () => {
    const created = await post(rule()).expect(201);
    expect(created.body).toMatchObject({
      enabled: true,
      trigger: { kind: 'status-changed', to: 'Resolved' },
    });
    const replaced = await request(api.app)
      .put(`/api/admin/rules/${created.body.id}`)
      .auth(admin, { type: 'bearer' })
      .send(
        rule({
          enabled: false,
          trigger: { kind: 'assigned' },
          recipients: [{ kind: 'assignee' }, { kind: 'address', address: 'Team@Contoso.test' }],
        }),
      )
      .expect(200);
    expect(replaced.body).toMatchObject({
      enabled: false,
      trigger: { kind: 'assigned' },
      recipients: [{ kind: 'assignee' }, { kind: 'address', address: 'team@contoso.test' }],
    });
    await request(api.app)
      .delete(`/api/admin/rules/${created.body.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(204);
    await request(api.app)
      .get(`/api/admin/rules/${created.body.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(404);
  });

  it.each([
    ['an unknown template', { templateId: 'nope' }, /no mail template nope/],
    [
      'an unknown status',
      { trigger: { kind: 'status-changed', from: 'Parked' } },
      /"Parked" is not a status/,
    ],
    [
      'the same status twice',
      { trigger: { kind: 'status-changed', from: 'Open', to: 'open' } },
      /are the same/,
    ],
    ['an invalid fixed address', { recipients: [{ kind: 'address', address: 'nobody' }] }, /./],
    ['no recipients', { recipients: [] }, /at least one recipient/],
    ['an unknown trigger', { trigger: { kind: 'sr-deleted' } }, /./],
  ])('refuse %s', async (_case, fields, message) => {
    const res = await post(rule(fields)).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(await api.services.store.read((tx) => tx.collection('rules').count())).toBe(0);
  });
});
