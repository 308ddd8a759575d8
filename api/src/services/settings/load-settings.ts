import { DEFAULT_SETTINGS, type Settings } from '../../domain/settings.js';
import type { ReadTransaction } from '../../ports/store.js';

/** The desk's settings, or the defaults before an admin saved any. */
export async function loadSettings(tx: ReadTransaction): Promise<Settings> {
  const stored = await tx.collection('settings').get('settings');
  if (!stored) return DEFAULT_SETTINGS;
  const { id: _id, ...settings } = stored;
  return settings;
}
