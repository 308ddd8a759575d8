import { ZErrorBody } from '../../contract/common.js';
import { ZAddNote, ZNote, ZNoteList } from '../../contract/note.js';
import { addNote } from '../../services/add-note.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listNotes } from '../../services/list-notes.js';
import { presentNote } from '../presenters/present-note.js';
import { defineRoute } from '../route.js';
import { ZRequestParams } from './params.js';

export function noteRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/requests/:id/notes',
      tag: 'Notes',
      summary: "List an SR's notes, oldest first",
      access: 'agent',
      params: ZRequestParams,
      responses: { 200: { description: 'The notes', schema: ZNoteList }, 404: { description: 'No such SR', schema: ZErrorBody } },
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
      responses: { 201: { description: 'The note', schema: ZNote }, 404: { description: 'No such SR', schema: ZErrorBody } },
      handler: async ({ params, body, principal }) => ({ status: 201, body: presentNote(await addNote(deps, principal, params.id, body)) }),
    }),
  ];
}
