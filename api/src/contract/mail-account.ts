import { z } from 'zod';
import { ZEmail, listOf } from './common.js';

const ZAfterProcessing = z.enum(['mark-read', 'move', 'delete']);
const ZTransport = z
  .enum(['graph', 'imap-smtp'])
  .describe('graph: Microsoft Graph; imap-smtp: the incoming and outgoing hosts');
const ZSecurity = z
  .enum(['tls', 'starttls'])
  .describe('tls: TLS from the start (993, 465); starttls: upgraded at once (143, 587)');
const ZAuthMethod = z
  .enum(['oauth2', 'password'])
  .describe('oauth2: XOAUTH2 with the mail app (client credentials)');
const ZHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$/, 'A host name such as outlook.office365.com');
const ZPort = z.number().int().min(1).max(65535);

export const ZMailAccount = z.object({
  id: z.string(),
  emailAddress: z.string(),
  displayName: z.string().optional(),
  incomingHost: z.string(),
  incomingPort: z.number().int(),
  outgoingHost: z.string(),
  outgoingPort: z.number().int(),
  transport: ZTransport,
  incomingSecurity: ZSecurity,
  outgoingSecurity: ZSecurity,
  username: z.string().optional(),
  authMethod: ZAuthMethod,
  password: z.object({ isSet: z.boolean() }).describe('the password itself is never returned'),
  oauthScope: z.string(),
  isDefault: z.boolean(),
  serviceMessaging: z.boolean(),
  tenantId: z.string(),
  clientId: z.string(),
  clientSecret: z
    .object({ isSet: z.boolean(), last4: z.string().optional() })
    .describe('the secret itself is never returned'),
  clientSecretExpiresAt: z.string().optional(),
  userPrincipalName: z.string(),
  folder: z.string(),
  afterProcessing: ZAfterProcessing,
  moveToFolder: z.string().optional(),
  authservIds: z.array(z.string()).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TMailAccount = z.infer<typeof ZMailAccount>;
export const ZMailAccountList = listOf(ZMailAccount);

const accountFields = {
  emailAddress: ZEmail,
  displayName: z.string().trim().max(200).optional(),
  incomingHost: ZHost.optional(),
  incomingPort: ZPort.optional(),
  outgoingHost: ZHost.optional(),
  outgoingPort: ZPort.optional(),
  transport: ZTransport.optional(),
  incomingSecurity: ZSecurity.optional(),
  outgoingSecurity: ZSecurity.optional(),
  username: z.string().trim().min(1).max(320).optional(),
  authMethod: ZAuthMethod.optional(),
  password: z.string().min(1).max(1024).optional().describe('write-only'),
  oauthScope: z.string().trim().min(1).max(500).optional(),
  isDefault: z.boolean(),
  serviceMessaging: z.boolean(),
  tenantId: z
    .uuid('Directory (tenant) ID must be a GUID')
    .optional()
    .describe('required unless the account signs in to IMAP/SMTP with a password'),
  clientId: z
    .uuid('Application (client) ID must be a GUID')
    .optional()
    .describe('required unless the account signs in to IMAP/SMTP with a password'),
  clientSecret: z.string().min(1).max(1024).optional().describe('write-only'),
  clientSecretExpiresAt: z.iso.date().optional(),
  userPrincipalName: ZEmail.optional().describe('defaults to the email address'),
  folder: z.string().trim().min(1).max(255).optional(),
  afterProcessing: ZAfterProcessing.optional(),
  moveToFolder: z.string().trim().min(1).max(255).optional(),
  authservIds: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(253)
        .regex(
          /^[A-Za-z0-9.-]+$/,
          'Each trusted Authentication-Results server is a host name such as mx.example.com',
        ),
    )
    .max(10)
    .optional()
    .describe(
      'IMAP only: the names the receiving mail server writes at the start of its Authentication-Results header; the incoming host when empty (docs/sender-authenticity.md)',
    ),
};

// Rule and manual emails go out from the Default account, so moving Default to another account is confirmed by naming
// the account that stops being Default; the API then tests the new one's connection before it changes anything.
const ZReplacesDefault = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe(
    'confirms moving Default to this account: the id of the account that is Default now (else 409 naming it)',
  );

export const ZCreateMailAccount = z
  .strictObject({
    ...accountFields,
    isDefault: z.boolean().default(false),
    serviceMessaging: z.boolean().default(false),
    replacesDefault: ZReplacesDefault,
  })
  .superRefine((account, ctx) => {
    if (account.transport === 'imap-smtp' && account.authMethod === 'password') return;
    for (const field of ['tenantId', 'clientId'] as const) {
      if (!account[field])
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field === 'tenantId' ? 'Directory (tenant) ID' : 'Application (client) ID'} is required for Microsoft 365 sign-in`,
        });
    }
  });
export type TCreateMailAccount = z.input<typeof ZCreateMailAccount>;

export const ZUpdateMailAccount = z
  .strictObject({
    ...accountFields,
    clientSecretExpiresAt: z.iso.date().nullable(),
    moveToFolder: z.string().trim().max(255).nullable(),
    username: z.string().trim().max(320).nullable(),
    replacesDefault: ZReplacesDefault,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change');
export type TUpdateMailAccount = z.input<typeof ZUpdateMailAccount>;
