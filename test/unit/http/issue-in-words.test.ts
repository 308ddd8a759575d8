import { describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { ZCreateMailAccount } from '../../../api/src/contract/mail-account.js';
import { ZSaveMailTemplate } from '../../../api/src/contract/mail-template.js';
import { ZCreateNoteType } from '../../../api/src/contract/note-type.js';
import { ZSaveRule } from '../../../api/src/contract/rule.js';
import { ZCreateServiceRequest } from '../../../api/src/contract/service-request.js';
import { parseInput } from '../../../api/src/http/validation/parse-input.js';

// What a person reads under a field or in a banner when the API refuses a form: words, never zod's phrasing or a key.

function problems(schema: z.ZodType, value: unknown): Array<{ path: string; message: string }> {
  try {
    parseInput(schema, value);
  } catch (error) {
    if (error instanceof ZodError)
      return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw error;
  }
  throw new Error('the value was accepted');
}

const ZOD_PHRASING = /expected|received|Too small|Too big|Invalid input|Invalid option|>=|<=|Unrecognized/;
const account = {
  emailAddress: 'desk@contoso.test',
  tenantId: '8f3d2c1a-6b4e-4f7a-9c2d-1e5b7a9c3f60',
  clientId: 'c5a7e2d9-1f3b-4c6e-8a0d-9b2f4e6c8a13',
};

describe('validation messages in words', () => {
  it.each([
    [
      'an empty template name',
      ZSaveMailTemplate,
      { name: ' ', subject: 'Hi', bodyHtml: '<p>x</p>' },
      'name',
      'Enter a name.',
    ],
    [
      'an over-long subject',
      ZSaveMailTemplate,
      { name: 'n', subject: 'x'.repeat(999), bodyHtml: '<p>x</p>' },
      'subject',
      /^Use at most \d+ characters for the subject\.$/,
    ],
    [
      'an empty body',
      ZSaveMailTemplate,
      { name: 'n', subject: 's', bodyHtml: '' },
      'bodyHtml',
      'Enter a body.',
    ],
    [
      'an empty rule name',
      ZSaveRule,
      { name: '', trigger: { kind: 'sr-created' }, templateId: 't', recipients: [{ kind: 'requester' }] },
      'name',
      'Enter a name.',
    ],
    [
      'a rule with no template',
      ZSaveRule,
      { name: 'r', trigger: { kind: 'sr-created' }, recipients: [{ kind: 'requester' }] },
      'templateId',
      'Enter a template.',
    ],
    [
      'a malformed account address',
      ZCreateMailAccount,
      { ...account, emailAddress: 'desk' },
      'emailAddress',
      'The email address must look like name@example.com.',
    ],
    [
      'a port of 0',
      ZCreateMailAccount,
      { ...account, incomingPort: 0 },
      'incomingPort',
      'Enter an incoming port of at least 1.',
    ],
    [
      'a port as text',
      ZCreateMailAccount,
      { ...account, outgoingPort: 'x' },
      'outgoingPort',
      'Enter the outgoing port as a number.',
    ],
    [
      'a bad expiry date',
      ZCreateMailAccount,
      { ...account, clientSecretExpiresAt: '31/12/2026' },
      'clientSecretExpiresAt',
      'The client secret expiry date must be a date such as 2026-03-31.',
    ],
    [
      'a missing switch',
      ZCreateMailAccount,
      { ...account, isDefault: 'yes' },
      'isDefault',
      'Choose yes or no for the default.',
    ],
    [
      'a nested email',
      ZCreateServiceRequest,
      { title: 'T', requester: { name: 'Lee', email: 'lee' } },
      'requester.email',
      'The requester’s email address must look like name@example.com.',
    ],
    [
      'an empty requester name',
      ZCreateServiceRequest,
      { title: 'T', requester: { name: '', email: 'lee@fabrikam.test' } },
      'requester.name',
      'Enter the requester’s name.',
    ],
    [
      'a rule address',
      ZSaveRule,
      {
        name: 'r',
        trigger: { kind: 'sr-created' },
        templateId: 't',
        recipients: [{ kind: 'requester' }, { kind: 'address', address: 'x@' }],
      },
      'recipients.1.address',
      'The address must look like name@example.com.',
    ],
    [
      'a missing requester',
      ZCreateServiceRequest,
      { title: 'T' },
      'requester',
      'Send the requester with its fields.',
    ],
    [
      'an unknown access level',
      ZCreateNoteType,
      { code: 'X', name: 'X', accessLevel: 'Everyone' },
      'accessLevel',
      'Choose the access level from: User, Agent, Admin.',
    ],
    [
      'an unknown field',
      ZCreateNoteType,
      { code: 'X', name: 'X', accessLevel: 'User', isAdmin: true },
      '',
      'The request has 1 field this API does not take: isAdmin.',
    ],
  ])('%s', (_case, schema, value, path, message) => {
    const found = problems(schema, value).find((p) => p.path === path);
    expect(found?.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });

  it('keeps a message the schema spells out itself', () => {
    expect(problems(ZCreateMailAccount, { ...account, tenantId: 'nope' })).toEqual([
      { path: 'tenantId', message: 'Directory (tenant) ID must be a GUID' },
    ]);
  });

  it('turns any limit a schema may add into words', () => {
    const schema = z.strictObject({
      tags: z.array(z.string().max(3)).min(2).max(3),
      count: z.number().int().lt(10).multipleOf(2),
      note: z.string().min(5),
    });
    const messages = problems(schema, { tags: ['abcd'], count: 11, note: 'abc' }).map((p) => p.message);
    expect(messages).toEqual([
      'Use at most 3 characters for the tags.',
      'Add at least 2 entries to the tags.',
      'Enter a count of less than 10.',
      'Enter a multiple of 2 for the count.',
      'Use at least 5 characters for the note.',
    ]);
    for (const message of messages) expect(message).not.toMatch(ZOD_PHRASING);
  });
});
