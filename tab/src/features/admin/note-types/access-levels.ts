import type { TNoteType } from '../../../../../api/src/contract/note-type';

type AccessLevel = TNoteType['accessLevel'];

// From the widest audience to the narrowest (the order the dialog offers them): a User-level note is what the customer may see.
export const ACCESS_LEVEL_TEXT: Record<AccessLevel, string> = {
  User: 'User: visible to the requester as well as the desk',
  Agent: 'Agent: visible to service desk agents and admins only',
  Admin: 'Admin: visible to service desk admins only',
};
