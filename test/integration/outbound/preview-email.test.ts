import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEcId } from '../../../api/src/domain/ec-id.js';
import { addDefaultAccount, createSr, startOutboundStack, type OutboundStack } from './outbound-stack.js';

// The Send email dialog's preview: an agent sees what sending would send, placeholders filled, before anything is sent.

describe('previewing an email from an SR', () => {
  let stack: OutboundStack;

  beforeAll(async () => {
    stack = await startOutboundStack();
    await addDefaultAccount(stack);
  });
  afterAll(() => stack?.close());

  const asAgent = (method: 'get' | 'post', path: string) =>
    stack.api()[method](path).auth(stack.agent, { type: 'bearer' });

  it('renders the template for an agent exactly as the send does, with a sample token, and records nothing', async () => {
    const sr = await createSr(stack, { participants: ['adele@fabrikam.test'] });
    await asAgent('post', `/api/requests/${sr}/notes`)
      .send({ body: 'Please restart the printer.' })
      .expect(201);

    const preview = await asAgent('post', `/api/requests/${sr}/emails/preview`)
      .send({ templateId: 'reply-to-customer' })
      .expect(200);
    expect(preview.body.subject).toBe(`Printer on floor 3 prints blank pages [${sr}]`);
    expect(preview.body.replyText).toBe(
      `##- Please type your reply above this line -## [${preview.body.sampleToken}]`,
    );
    expect(preview.body.bodyHtml).toContain(preview.body.replyText);
    expect(preview.body.bodyHtml).toContain('Dear Lee Gu,');
    expect(preview.body.bodyHtml).not.toMatch(/#[A-Z_]+#/);
    expect(preview.body.to).toEqual([{ name: 'Lee Gu', address: 'lee@fabrikam.test' }]);
    expect(preview.body.cc).toEqual([{ address: 'adele@fabrikam.test' }]);
    expect(
      decodeEcId(preview.body.sampleToken, stack.runtime.services.ecIdKeyring, new Date()).status,
    ).not.toBe('valid');
    expect((await asAgent('get', `/api/requests/${sr}/emails`).expect(200)).body.items).toEqual([]);

    // What goes out is the preview with the real token in place of the sample one.
    await asAgent('post', `/api/requests/${sr}/emails`).send({ templateId: 'reply-to-customer' }).expect(201);
    const [sent] = (await asAgent('get', `/api/requests/${sr}/emails`).expect(200)).body.items;
    expect(sent.subject).toBe(preview.body.subject);
    expect(sent.bodyHtml).toBe(preview.body.bodyHtml.replaceAll(preview.body.sampleToken, sent.token));
  });

  it('refuses what the send would refuse', async () => {
    const sr = await createSr(stack);
    await asAgent('post', `/api/requests/${sr}/emails/preview`)
      .send({ templateId: 'no-such-template' })
      .expect(404);
    await asAgent('post', '/api/requests/SR-009999/emails/preview')
      .send({ templateId: 'reply-to-customer' })
      .expect(404);
    await asAgent('post', `/api/requests/${sr}/emails/preview`)
      .send({ templateId: 'reply-to-customer', attachmentIds: ['not-here'] })
      .expect(400);
    await asAgent('post', `/api/requests/${sr}/emails/preview`).send({}).expect(400);
  });
});
