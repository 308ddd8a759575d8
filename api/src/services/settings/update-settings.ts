import { AppError } from '../../domain/app-error.js';
import type { Settings } from '../../domain/settings.js';
import { findStatus } from '../../domain/status.js';
import { rateLimitDefaults } from './current-rate-limits.js';
import type { ServiceDeps } from '../deps.js';
import type { SettingsView } from './get-settings.js';

/** Replaces the desk's settings after checking they name only statuses that exist and are unique. */
export async function updateSettings(deps: ServiceDeps, settings: Settings): Promise<SettingsView> {
  assertConsistent(settings);
  await deps.store.transact(async (tx) => {
    const names = (await tx.collection('requests').statusesInUse()).filter(
      (status) => !findStatus(settings.statuses, status),
    );
    if (names.length > 0) {
      throw new AppError(
        'conflict',
        `Statuses still used by Service Requests cannot be removed: ${names.join(', ')}.`,
      );
    }
    await tx.collection('settings').put({ id: 'settings', ...settings });
  });
  return { ...settings, rateLimitDefaults: rateLimitDefaults(deps) };
}

function assertConsistent(settings: Settings): void {
  const names = settings.statuses.map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length)
    throw new AppError('validation_failed', 'Each status name must be unique.');
  const unknown = [...Object.entries(settings.replyStatusPolicy).flat(), settings.reopenStatus].filter(
    (name) => !findStatus(settings.statuses, name),
  );
  if (unknown.length > 0)
    throw new AppError(
      'validation_failed',
      `These are not statuses of this desk: ${[...new Set(unknown)].join(', ')}.`,
    );
}
