import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/test-api.js';

// Administration > Service messaging > Rate limits through HTTP: the installation's defaults are shown, an admin's
// values are kept, and a bad value is refused with a message naming the field, changing nothing.

const INSTALLATION = { inboundPerSenderPerHour: 40, rulePerRecipientPerHour: 25, rulePerSrPerHour: 8 };

describe('rate limits in the service messaging settings', () => {
  let api: TestApi;
  let admin: string;
  const get = async () =>
    (await request(api.app).get('/api/admin/settings').auth(admin, { type: 'bearer' }).expect(200))
      .body as Record<string, unknown>;
  const put = (body: object) =>
    request(api.app).put('/api/admin/settings').auth(admin, { type: 'bearer' }).send(body);
  const stored = () => api.services.store.read((tx) => tx.collection('settings').get('settings'));

  beforeEach(async () => {
    api = await createTestApi();
    // What compose sets from MAIL_LOOP_LIMIT_PER_HOUR and RULE_EMAILS_PER_*_PER_HOUR.
    api.services.rateLimitDefaults = INSTALLATION;
    admin = await api.admin();
  });

  it('shows the installation defaults while the admin has set none', async () => {
    const settings = await get();
    expect(settings.rateLimits).toBeUndefined();
    expect(settings.rateLimitDefaults).toEqual(INSTALLATION);
  });

  it('keeps the limits an admin sets, and the defaults for the one left out', async () => {
    const current = await get();
    const res = await put({
      ...current,
      rateLimits: { inboundPerSenderPerHour: 12, rulePerRecipientPerHour: 3 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      rateLimits: { inboundPerSenderPerHour: 12, rulePerRecipientPerHour: 3 },
      rateLimitDefaults: INSTALLATION,
    });
    expect((await get()).rateLimits).toEqual({ inboundPerSenderPerHour: 12, rulePerRecipientPerHour: 3 });

    // Sent back without a limit, that limit follows the installation again.
    const { rateLimits: _set, ...rest } = await get();
    await put({ ...rest, rateLimits: { rulePerRecipientPerHour: 3 } }).expect(200);
    expect((await get()).rateLimits).toEqual({ rulePerRecipientPerHour: 3 });
  });

  it("ignores rateLimitDefaults sent back with the settings: they are the installation's", async () => {
    const current = await get();
    await put({
      ...current,
      rateLimitDefaults: { inboundPerSenderPerHour: 1, rulePerRecipientPerHour: 1, rulePerSrPerHour: 1 },
    }).expect(200);
    expect((await get()).rateLimitDefaults).toEqual(INSTALLATION);
    expect(await stored()).not.toHaveProperty('rateLimitDefaults');
  });

  it.each([
    [
      'zero',
      { inboundPerSenderPerHour: 0 },
      'rateLimits.inboundPerSenderPerHour',
      'Emails from one sender per hour must be a whole number from 1 to 1000.',
    ],
    [
      'negative',
      { rulePerSrPerHour: -5 },
      'rateLimits.rulePerSrPerHour',
      'Automatic emails about one SR per hour must be a whole number from 1 to 1000.',
    ],
    [
      'a fraction',
      { rulePerRecipientPerHour: 2.5 },
      'rateLimits.rulePerRecipientPerHour',
      'Automatic emails to one address per hour must be a whole number from 1 to 1000.',
    ],
    [
      'above the maximum',
      { inboundPerSenderPerHour: 1001 },
      'rateLimits.inboundPerSenderPerHour',
      'Emails from one sender per hour must be a whole number from 1 to 1000.',
    ],
    [
      'text',
      { rulePerSrPerHour: '12' },
      'rateLimits.rulePerSrPerHour',
      'Automatic emails about one SR per hour must be a whole number from 1 to 1000.',
    ],
    ['an unknown limit', { perMinute: 5 }, 'rateLimits', expect.stringContaining('perMinute')],
  ])(
    'refuses %s with a message naming the field, and changes nothing',
    async (_case, rateLimits, path, message) => {
      const current = await get();
      await put({ ...current, rateLimits: { inboundPerSenderPerHour: 20 } }).expect(200);
      const before = await stored();
      const res = await put({
        ...current,
        senderPolicy: 'participants-only',
        rateLimits: { rulePerRecipientPerHour: 7, ...rateLimits },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ path, message }] });
      expect(await stored()).toEqual(before);
    },
  );

  it('is for admins only', async () => {
    const current = await get();
    const res = await request(api.app)
      .put('/api/admin/settings')
      .auth(await api.agent(), { type: 'bearer' })
      .send({ ...current, rateLimits: { inboundPerSenderPerHour: 5 } });
    expect(res.status).toBe(403);
    expect((await get()).rateLimits).toBeUndefined();
  });
});
