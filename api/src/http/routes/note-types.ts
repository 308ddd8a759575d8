import { z } from 'zod';
import { ZErrorBody } from '../../contract/common.js';
import { ZCreateNoteType, ZNoteType, ZNoteTypeList, ZUpdateNoteType } from '../../contract/note-type.js';
import { createNoteType } from '../../services/note-types/create-note-type.js';
import { deleteNoteType } from '../../services/note-types/delete-note-type.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listNoteTypes } from '../../services/note-types/list-note-types.js';
import { updateNoteType } from '../../services/note-types/update-note-type.js';
import { defineRoute } from '../route.js';

const ZCodeParams = z.object({ code: z.string().min(1).max(40) });
const tag = 'Administration: note types';

export function noteTypeRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/note-types',
      tag,
      summary: 'List note types (Administration > General > Type)',
      access: 'agent',
      responses: { 200: { description: 'The note types', schema: ZNoteTypeList } },
      handler: async () => {
        const items = await listNoteTypes(deps);
        return { status: 200, body: { items, total: items.length } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/admin/note-types',
      tag,
      summary: 'Create a note type',
      access: 'admin',
      body: ZCreateNoteType,
      responses: {
        201: { description: 'Created', schema: ZNoteType },
        409: { description: 'Code taken', schema: ZErrorBody },
      },
      handler: async ({ body }) => ({ status: 201, body: await createNoteType(deps, body) }),
    }),
    defineRoute({
      method: 'patch',
      path: '/admin/note-types/:code',
      tag,
      summary: 'Rename a note type or change its access level',
      access: 'admin',
      params: ZCodeParams,
      body: ZUpdateNoteType,
      responses: {
        200: { description: 'Updated', schema: ZNoteType },
        409: { description: 'Service messaging needs PUBLIC', schema: ZErrorBody },
      },
      handler: async ({ params, body }) => ({
        status: 200,
        body: await updateNoteType(deps, params.code, body),
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/note-types/:code',
      tag,
      summary: 'Delete a note type (PUBLIC stays while service messaging is on)',
      access: 'admin',
      params: ZCodeParams,
      responses: {
        204: { description: 'Deleted' },
        409: { description: 'Service messaging needs PUBLIC', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        await deleteNoteType(deps, params.code);
        return { status: 204 };
      },
    }),
  ];
}
