import type { MailMessage } from '../../domain/mail-message.js';
import type { StoredOriginal } from '../../domain/stored-original.js';
import type { PreparedReply, ReplyTarget } from '../../ports/prepare-reply.js';
import type { ServiceDeps } from '../deps.js';
import type { AttachmentSource } from './attachment-sources.js';
import type { ExtractedReply, ReplyBody } from '../../reply/extract/extract-reply.js';
import { importAttachments, type AttachmentPolicy } from './import-attachments.js';
import { bodyOf, isTooComplex, type Understand } from '../../reply/understand-message.js';

// Everything about filing a reply that happens before the transaction: the reply text cut from the quoted history,
// the attachments and kept inline images in the blob store, and the note's image links pointing at them. The body is
// read by `understand` (the engine's worker threads, with a time budget); when that takes longer than the time allowed, the note is taken from the
// plain-text part instead and says so (an agent asked for it; the whole email is in the original).

export async function prepareReply(
  deps: Pick<ServiceDeps, 'blobs' | 'newId'>,
  input: {
    message: MailMessage;
    sources: readonly AttachmentSource[];
    target: ReplyTarget;
    policy: AttachmentPolicy;
    original?: StoredOriginal;
    /** The reply already cut without images (the engine reads the body once, before deciding). */
    first?: ExtractedReply;
    /** Reads the body within the time one email may take (the engine's worker pool). */
    understand: Understand;
    readTimeLimitMs?: number;
  },
): Promise<PreparedReply> {
  const { message, target } = input;
  const body = bodyOf(message);
  const read = (cidUrls: Record<string, string> | null) =>
    readReply(input.understand, body, cidUrls, input.readTimeLimitMs);
  const first: ReadReply = input.first ?? (await read(null));
  const imported = await importAttachments(
    deps,
    input.sources,
    new Set(first.inlineContentIds),
    input.policy,
  );
  // A second pass only when an image the reply shows was stored: its src becomes the attachment's URL.
  const cidUrls = Object.fromEntries(
    [...imported.byContentId].map(([cid, id]) => [
      cid,
      `/api/requests/${target.requestId}/attachments/${id}/content`,
    ]),
  );
  const reply: ReadReply = imported.byContentId.size === 0 ? first : await read(cidUrls);
  const empty =
    reply.htmlNotParsed || reply.tooComplex
      ? '(The email has no plain-text version to take the note from.)'
      : reply.layout === 'forwarded'
        ? '(Forwarded without a note of its own: the forwarded message is in the quoted text.)'
        : '(No text above the quoted history.)';
  const text = reply.text.trim() || empty;
  const html = reply.html.trim() || `<p>${escapeHtml(text)}</p>`;
  const notes = [
    ...(reply.htmlNotParsed ? [notParsedNote(reply.htmlNotParsed)] : []),
    ...(reply.tooComplex
      ? [
          `${reply.tooComplex} So this note is taken from its plain-text version, if it has one. The whole email is kept as the original.`,
        ]
      : []),
    ...(message.trimmed ?? []),
    ...imported.notes,
  ];
  const notesHtml = notes.map((line) => `<p><em>${escapeHtml(line)}</em></p>`).join('');
  return {
    ...target,
    email: {
      ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
      subject: message.subject,
      from: message.from,
      receivedAt: message.receivedAt,
    },
    reply: {
      html: html + notesHtml,
      text: [text, ...notes].join('\n\n'),
      ...(reply.elidedHtml ? { elidedHtml: reply.elidedHtml } : {}),
    },
    attachments: imported.files,
    ...(input.original ? { original: input.original } : {}),
  };
}

type ReadReply = ExtractedReply & { tooComplex?: string };

/** The reply cut in a worker; over the time limit, the plain-text part alone (or nothing), with the reason. */
async function readReply(
  understand: Understand,
  body: ReplyBody,
  cidUrls: Record<string, string> | null,
  limitMs: number | undefined,
): Promise<ReadReply> {
  try {
    return (await understand({ body, cidUrls, render: false }, limitMs)).reply;
  } catch (error) {
    if (!isTooComplex(error)) throw error;
    const text = body.text
      ? await understand({ body: { text: body.text }, cidUrls: null, render: false }, limitMs).catch(
          (e: unknown) => (isTooComplex(e) ? undefined : Promise.reject(e)),
        )
      : undefined;
    return {
      ...(text?.reply ?? {
        html: '',
        text: '',
        elidedText: '',
        inlineContentIds: [],
        layout: 'no-history' as const,
        bannersRemoved: 0,
      }),
      tooComplex: error.message,
    };
  }
}

function notParsedNote({ chars, limit }: { chars: number; limit: number }): string {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return `The HTML of this email is ${mb(chars)}, more than the ${mb(limit)} the desk reads, so it was not read for this note. The whole email is kept as the original.`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
