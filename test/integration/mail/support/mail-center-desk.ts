import type { MailStack } from './mail-stack.js';
import { startMailStack } from './mail-stack.js';
import { encodeEcId } from '../../../../api/src/domain/ec-id.js';
import { formatOwnMessageId } from '../../../../api/src/domain/reply-marker.js';
import { desk } from './desk.js';
import { customerReply } from './replies.js';

// The Mail Center tests' desk: one email of each kind that must not become a note, and the item it is held as.

type Desk = ReturnType<typeof desk>;
type Keyring = Parameters<typeof customerReply>[0]['keyring'];

export const stranger = { name: 'Eve Stranger', address: 'eve@elsewhere.test' };

export type MailCenterStack = {
  stack: MailStack;
  d: Desk;
  keyring: () => Keyring;
};

/** A mail stack whose syncs are run by hand ("Sync now"); 1 MB makes "too large" cheap to provoke. */
export async function startMailCenterStack(): Promise<MailCenterStack> {
  const stack = await startMailStack({ notifications: false, env: { MAIL_MAX_MESSAGE_MB: '1' } });
  const d = desk(stack);
  return {
    stack,
    d,
    keyring: () => stack.runtime.services.ecIdKeyring,
  };
}

/** Three SRs (two open, one closed) and one email per Mail Center reason, as [reason, MIME], not yet delivered. */
export async function heldMailCases(
  d: Desk,
  keyring: () => Keyring,
): Promise<{ open: number; other: number; closed: number; cases: Array<[string, Promise<Buffer>]> }> {
  const open = await d.createRequest({ status: 'Open' });
  const other = await d.createRequest({ status: 'Open' });
  const closed = await d.createRequest({ status: 'Closed' });
  const foreignKeyring = { current: { kid: 'another-install', secret: 'another-secret' }, previous: [] };
  const cases: Array<[string, Promise<Buffer>]> = [
    [
      'no-marker',
      customerReply({
        requestId: open,
        keyring: keyring(),
        noMarker: true,
        subject: 'A question about my invoice',
      }),
    ],
    [
      'token-invalid',
      customerReply({ requestId: open, keyring: foreignKeyring, subject: 'token from another install' }),
    ],
    [
      'conflicting-signals',
      customerReply({
        requestId: open,
        keyring: keyring(),
        subject: 'two SRs',
        inReplyTo: formatOwnMessageId(
          encodeEcId({ requestId: other, outboundId: 1 }, keyring()),
          'contoso.test',
        ),
      }),
    ],
    [
      'unknown-sender',
      customerReply({ requestId: open, keyring: keyring(), from: stranger, subject: 'from a stranger' }),
    ],
    ['sr-closed', customerReply({ requestId: closed, keyring: keyring(), subject: 'reply to a closed SR' })],
    [
      'sr-not-found',
      customerReply({ requestId: 987654, keyring: keyring(), subject: 'reply to an SR that never was' }),
    ],
    [
      'auto-reply',
      customerReply({
        requestId: open,
        keyring: keyring(),
        subject: 'Automatic reply: Your request',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    ],
    [
      'bounce',
      customerReply({
        requestId: open,
        keyring: keyring(),
        subject: 'Undeliverable: Your request',
        from: { name: 'Microsoft Outlook', address: 'postmaster@fabrikam.test' },
        headers: { 'X-MS-Exchange-Message-Is-Ndr': '' },
      }),
    ],
    [
      'own-mail',
      customerReply({
        requestId: open,
        keyring: keyring(),
        subject: 'our own mail looped back',
        from: { name: 'Contoso Support', address: 'support@contoso.test' },
      }),
    ],
    [
      'loop',
      customerReply({
        requestId: open,
        keyring: keyring(),
        subject: 'a relay loop',
        headers: { 'X-Loop': 'support@contoso.test' },
      }),
    ],
    [
      'system',
      customerReply({
        requestId: open,
        keyring: keyring(),
        subject: 'Accepted: Review meeting',
        headers: { 'Content-Class': 'urn:content-classes:calendarmessage' },
      }),
    ],
    [
      'too-large',
      customerReply({
        requestId: open,
        keyring: keyring(),
        subject: 'a huge attachment',
        attachments: [{ filename: 'big.bin', content: Buffer.alloc(1_200_000, 1) }],
      }),
    ],
  ];
  return { open, other, closed, cases };
}
