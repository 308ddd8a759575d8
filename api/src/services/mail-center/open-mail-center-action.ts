import { AppError, notFound } from '../../domain/app-error.js';
import type { MailCenterItem } from '../../domain/mail-center-item.js';
import type { Settings } from '../../domain/settings.js';
import type { BodyReader, ServiceDeps } from '../deps.js';
import { requireBodyReader } from '../require-body-reader.js';
import { requireMailEngine } from '../require-mail-engine.js';
import { loadSettings } from '../settings/load-settings.js';
import { readOriginal, type Original } from './read-original.js';

// What a Mail Center action (link, create an SR, reprocess) starts from: the item, still open, its stored original
// read again and the settings; and the engine's body reader, since the action files through the same steps.

export type MailCenterAction = {
  item: MailCenterItem;
  original: Original;
  settings: Settings;
  reader: BodyReader;
};

export async function openMailCenterAction(deps: ServiceDeps, itemId: string): Promise<MailCenterAction> {
  const engine = requireMailEngine(deps);
  const reader = requireBodyReader(deps);
  const item = await deps.store.read((tx) => tx.collection('mailCenter').get(itemId));
  if (!item) throw notFound('Mail Center item', itemId);
  // An ignored item (a stranger's email under "participants only") can still be filed by an agent who finds it.
  if (item.state !== 'open' && item.state !== 'ignored')
    throw new AppError('conflict', `This email was already ${item.state}.`);
  const [original, settings] = await Promise.all([
    readOriginal(deps, item, () => engine.mailboxFor(item.accountId)),
    deps.store.read((tx) => loadSettings(tx)),
  ]);
  // The id the engine listed is the one its ledger uses; a MIME parse may present it differently.
  if (item.internetMessageId)
    original.message = { ...original.message, internetMessageId: item.internetMessageId };
  return { item, original, settings, reader };
}
