// Administration > General > Type. Access levels go from the widest audience to the narrowest:
// a `User`-level note is visible to the customer (that is what makes a PUBLIC note public).
export type AccessLevel = 'User' | 'Agent' | 'Admin';
export const ACCESS_LEVELS: readonly AccessLevel[] = ['User', 'Agent', 'Admin'];

export type NoteType = { code: string; name: string; accessLevel: AccessLevel };

/** Service messaging files every email reply as this type and refuses to run without it. */
export const PUBLIC_NOTE_TYPE: NoteType = { code: 'PUBLIC', name: 'Public', accessLevel: 'User' };

export const DEFAULT_NOTE_TYPES: readonly NoteType[] = [
  PUBLIC_NOTE_TYPE,
  { code: 'INTERNAL', name: 'Internal', accessLevel: 'Agent' },
];

export function isPublicNoteTypeUsable(types: readonly NoteType[]): boolean {
  return types.some((t) => t.code === PUBLIC_NOTE_TYPE.code && t.accessLevel === 'User');
}
