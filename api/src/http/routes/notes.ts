import { ZErrorBody } from '../../contract/common.js';
import { ZEmailOriginal } from '../../contract/email-original.js';
import { ZAddNote, ZNote, ZNoteList } from '../../contract/note.js';
import { addNote } from '../../services/notes/add-note.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listNotes } from '../../services/notes/list-notes.js';
import { openNoteOriginal } from '../../services/notes/open-note-original.js';
import { viewNoteOriginal } from '../../services/notes/view-note-original.js';
import { presentNote } from '../presenters/present-note.js';
import { defineRoute } from '../route.js';
import { ZNoteParams, ZRequestParams } from './params.js';
import { sendDownload } from '../send-download.js';

const noOriginal = {
  description: 'No such SR or note, or the note has no original email (it was not filed from the mailbox)',
  schema: ZErrorBody,
};

export function noteRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/requests/:id/notes',
      tag: 'Notes',
      summary: "List an SR's notes, oldest first",
      access: 'agent',
      params: ZRequestParams,
      responses: {
        200: { description: 'The notes', schema: ZNoteList },
        404: { description: 'No such SR', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        const notes = await listNotes(deps, params.id);
        return { status: 200, body: { items: notes.map(presentNote), total: notes.length } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/requests/:id/notes',
      tag: 'Notes',
      summary: 'Add a note to an SR',
      access: 'agent',
      params: ZRequestParams,
      body: ZAddNote,
      responses: {
        201: { description: 'The note', schema: ZNote },
        404: { description: 'No such SR', schema: ZErrorBody },
      },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: presentNote(await addNote(deps, principal, params.id, body)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/requests/:id/notes/:noteId/original',
      tag: 'Notes',
      summary:
        "An email note's original as it arrived: MIME (.eml) or, when the mailbox did not give it, Graph JSON",
      access: 'agent',
      params: ZNoteParams,
      responses: {
        200: { description: 'The original email', contentType: 'message/rfc822' },
        404: noOriginal,
      },
      handler: async ({ params, res }) => {
        return sendDownload(res, await openNoteOriginal(deps, params.id, params.noteId));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/requests/:id/notes/:noteId/original/view',
      tag: 'Notes',
      summary:
        "An email note's original for the screen: From, To, Cc, Date, Subject and the whole body, sanitised",
      access: 'agent',
      params: ZNoteParams,
      responses: {
        200: { description: 'The original, read', schema: ZEmailOriginal },
        404: noOriginal,
        413: { description: 'Too large to show; download the original instead', schema: ZErrorBody },
      },
      handler: async ({ params }) => ({
        status: 200,
        body: await viewNoteOriginal(deps, params.id, params.noteId),
      }),
    }),
  ];
}
