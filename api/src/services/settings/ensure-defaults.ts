import { DEFAULT_NOTE_TYPES } from '../../domain/note-type.js';
import { DEFAULT_SETTINGS } from '../../domain/settings.js';
import type { ServiceDeps } from '../deps.js';
import { ensureMailTemplates } from '../templates/ensure-mail-templates.js';

/**
 * A new desk starts with the note types, settings and mail templates the seed guide expects (PUBLIC with access level
 * User among them). Runs at every start and adds only what is missing: an admin's changes stay.
 */
export async function ensureDefaults(deps: ServiceDeps): Promise<void> {
  await deps.store.transact(async (tx) => {
    if ((await tx.collection('settings').get('settings')) === undefined) {
      await tx.collection('settings').insert({ id: 'settings', ...DEFAULT_SETTINGS });
      // Note types are seeded once, with the settings: an admin who later deletes one meant it.
      for (const type of DEFAULT_NOTE_TYPES) {
        if (!(await tx.collection('noteTypes').get(type.code)))
          await tx.collection('noteTypes').insert({ id: type.code, ...type });
      }
    }
  });
  await ensureMailTemplates(deps);
}
