import type { TSettings } from '../../../../../api/src/contract/settings';

/** Renaming or removing a status carries through to the reply policy and the reopen status. */
export function renameStatus(settings: TSettings, from: string, to: string | undefined): TSettings {
  const rename = (name: string) => (name === from ? to : name);
  const replyStatusPolicy: Record<string, string> = {};
  for (const [current, next] of Object.entries(settings.replyStatusPolicy)) {
    const key = rename(current);
    const value = rename(next);
    if (key && value) replyStatusPolicy[key] = value;
  }
  return {
    ...settings,
    replyStatusPolicy,
    reopenStatus:
      rename(settings.reopenStatus) ??
      settings.statuses.find((s) => !s.isClosed && s.name !== from)?.name ??
      settings.reopenStatus,
  };
}
