import { describe, expect, it } from 'vitest';
import {
  checkRecordedBodies,
  loadSchemas,
  resourceKind,
  unknownProperties,
} from '../support/emulator-schema-check.js';

// The conformance suites trust this checker to fail; here it must.
describe('the recorded-body schema check', () => {
  const { index, validators } = loadSchemas();
  const message = {
    id: 'x',
    subject: 's',
    isRead: false,
    from: { emailAddress: { name: 'A', address: 'a@b.c' } },
    '@odata.etag': 'W/"1"',
  };

  it('flags unknown properties at any depth and allows OData annotations', () => {
    expect(unknownProperties(message, 'microsoft.graph.message', index, false, '')).toEqual([]);
    expect(
      unknownProperties({ ...message, colour: 'red' }, 'microsoft.graph.message', index, false, ''),
    ).toEqual(["/: 'colour' is not a property of microsoft.graph.message"]);
    const nested = { ...message, from: { emailAddress: { address: 'a@b.c', colour: 'red' } } };
    expect(unknownProperties(nested, 'microsoft.graph.message', index, false, '')).toHaveLength(1);
    expect(
      unknownProperties(
        { ...message, 'attachments@odata.context': 'x' },
        'microsoft.graph.message',
        index,
        false,
        '',
      ),
    ).toEqual([]);
  });

  it('checks expanded attachments by their own type and skips types the index does not describe', () => {
    const withAttachment = {
      ...message,
      attachments: [{ '@odata.type': '#microsoft.graph.itemAttachment', id: 'a', contentBytes: 'AA==' }],
    };
    expect(unknownProperties(withAttachment, 'microsoft.graph.message', index, false, '')).toEqual([
      "/attachments[0]: 'contentBytes' is not a property of microsoft.graph.itemAttachment",
    ]);
    expect(
      unknownProperties(
        { '@odata.type': '#microsoft.graph.eventMessage', id: 'e', meetingMessageType: 'x' },
        'microsoft.graph.message',
        index,
        false,
        '',
      ),
    ).toEqual([]);
  });

  it('allows @removed only in delta answers', () => {
    const removed = { id: 'x', '@removed': { reason: 'deleted' } };
    expect(unknownProperties(removed, 'microsoft.graph.message', index, true, '')).toEqual([]);
    expect(unknownProperties(removed, 'microsoft.graph.message', index, false, '')).toHaveLength(1);
  });

  it('validates types against the official schema', () => {
    expect(validators.message(message)).toBe(true);
    expect(validators.message({ ...message, isRead: 'yes' })).toBe(false);
    expect(
      validators.attachment({
        '@odata.type': '#microsoft.graph.fileAttachment',
        id: 'a',
        isInline: 'no',
        size: 1,
      }),
    ).toBe(false);
  });

  it('decides the resource from the request path, and only for 2xx JSON', () => {
    expect(resourceKind('GET', "/v1.0/users/x/mailFolders('inbox')/messages")).toBe('message');
    expect(resourceKind('POST', '/v1.0/users/x/messages/abc/move')).toBe('message');
    expect(resourceKind('GET', '/v1.0/users/x/messages/abc/attachments/def')).toBe('attachment');
    expect(resourceKind('GET', '/v1.0/users/x/messages/abc/$value')).toBeUndefined();
    expect(resourceKind('GET', '/v1.0/users/x/mailFolders/inbox/childFolders')).toBe('mailFolder');
    expect(resourceKind('PATCH', '/v1.0/subscriptions/1')).toBe('subscription');
    expect(resourceKind('POST', '/_emulator/mailboxes/x/messages')).toBeUndefined();
    const exchanges = [
      {
        method: 'GET',
        path: '/v1.0/users/x/messages',
        query: '',
        status: 200,
        batched: false,
        json: { value: [{ ...message, colour: 1 }] },
      },
      {
        method: 'GET',
        path: '/v1.0/users/x/messages',
        query: '',
        status: 404,
        batched: false,
        json: { error: {} },
      },
    ];
    expect(checkRecordedBodies(exchanges)).toMatchObject({
      checked: 1,
      problems: [{ problem: expect.stringContaining('colour') }],
    });
  });
});
