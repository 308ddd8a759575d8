import { z } from 'zod';
import { ZErrorBody } from '../../contract/common.js';
import {
  ZDemoMailboxes,
  ZDemoMessage,
  ZDemoMessageList,
  type TDemoMessage,
} from '../../contract/demo-mailbox.js';
import { notFound } from '../../domain/app-error.js';
import type { MailMessage } from '../../domain/mail-message.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listMailAccounts } from '../../services/mail-accounts/list-mail-accounts.js';
import { defineRoute } from '../route.js';

type DemoMessage = {
  message: MailMessage;
  preview: string;
  hasAttachments: boolean;
  attachmentContents: { id: string; contentBase64: string }[];
};

/** Demo mode only (graph/demo-mailbox.ts): the emulator's mailboxes, so the add-in can be tried in a browser. */
export type DemoMailboxReader = {
  listMailboxes(): Promise<{ address: string; displayName: string }[]>;
  listMessages(address: string): Promise<DemoMessage[]>;
  readMessage(address: string, id: string): Promise<DemoMessage | undefined>;
};

const ZMailboxParams = z.object({ address: z.email().max(254) });
const ZMessageParams = ZMailboxParams.extend({ id: z.string().min(1).max(400) });

/** The email as the add-in's Outlook host would read it: the same shape the pane sends back to /api/addin. */
function presentDemoMessage(mailbox: string, { message, attachmentContents }: DemoMessage): TDemoMessage {
  return {
    email: {
      internetMessageId: message.internetMessageId ?? `<${message.id ?? 'unknown'}@demo.invalid>`,
      ...(message.conversationId ? { conversationId: message.conversationId } : {}),
      ...(message.id ? { itemId: message.id } : {}),
      mailbox,
      subject: message.subject,
      from: message.from,
      to: message.to,
      cc: message.cc,
      receivedAt: message.receivedAt,
      headers: message.headers,
      ...(message.bodyHtml !== undefined ? { bodyHtml: message.bodyHtml } : {}),
      ...(message.bodyText !== undefined ? { bodyText: message.bodyText } : {}),
      attachments: message.attachments.flatMap((a) =>
        a.id
          ? [
              {
                id: a.id,
                name: a.name,
                contentType: a.contentType,
                size: a.size,
                isInline: a.isInline,
                kind: a.kind,
              },
            ]
          : [],
      ),
    },
    attachmentContents,
  };
}

export function demoMailboxRoutes(reader: DemoMailboxReader, services: ServiceDeps) {
  const requireMailbox = async (address: string) => {
    const mailboxes = await reader.listMailboxes();
    const mailbox = mailboxes.find((m) => m.address.toLowerCase() === address.toLowerCase());
    if (!mailbox) throw notFound('Demo mailbox', address);
    return mailbox.address;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/demo/mailboxes',
      tag: 'Demo',
      summary: "Demo mode: the emulator's mailboxes the add-in can open",
      access: 'agent',
      responses: { 200: { description: 'Mailboxes', schema: ZDemoMailboxes } },
      handler: async () => {
        const [mailboxes, accounts] = await Promise.all([reader.listMailboxes(), listMailAccounts(services)]);
        const read = new Set(
          accounts.filter((a) => a.serviceMessaging).map((a) => a.userPrincipalName.toLowerCase()),
        );
        return {
          status: 200,
          body: { items: mailboxes.map((m) => ({ ...m, isDeskMailbox: read.has(m.address.toLowerCase()) })) },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/demo/mailboxes/:address/messages',
      tag: 'Demo',
      summary: "Demo mode: a mailbox's inbox, newest first",
      access: 'agent',
      params: ZMailboxParams,
      responses: {
        200: { description: 'Messages', schema: ZDemoMessageList },
        404: { description: 'No such demo mailbox', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        const messages = await reader.listMessages(await requireMailbox(params.address));
        const items = messages.flatMap(({ message, preview, hasAttachments }) =>
          message.id
            ? [
                {
                  id: message.id,
                  subject: message.subject,
                  from: message.from,
                  receivedAt: message.receivedAt,
                  hasAttachments,
                  preview,
                },
              ]
            : [],
        );
        return { status: 200, body: { items } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/demo/mailboxes/:address/messages/:id',
      tag: 'Demo',
      summary: 'Demo mode: one email as the add-in reads it in Outlook, with its attachment bytes',
      access: 'agent',
      params: ZMessageParams,
      responses: {
        200: { description: 'The email', schema: ZDemoMessage },
        404: { description: 'No such mailbox or email', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        const mailbox = await requireMailbox(params.address);
        const found = await reader.readMessage(mailbox, params.id);
        if (!found) throw notFound('Email', params.id);
        return { status: 200, body: presentDemoMessage(mailbox, found) };
      },
    }),
  ];
}
