// A field's name as a person reads it, from the path of a validation issue: "emailAddress" -> "email address",
// ["requester", "email"] -> "requester's email address". The words the forms show, not the keys the wire uses.

/** Keys whose words are not just the key split at its capitals. */
const WORDS: Record<string, string> = {
  email: 'email address',
  bodyHtml: 'body',
  bodyText: 'body',
  tenantId: 'directory (tenant) ID',
  clientId: 'application (client) ID',
  clientSecretExpiresAt: 'client secret expiry date',
  userPrincipalName: 'user principal name',
  moveToFolder: 'folder to move mail to',
  authservIds: 'trusted Authentication-Results server',
  folder: 'folder',
  requestId: 'SR',
  fromRequestId: 'SR to move from',
  toRequestId: 'SR to move to',
  templateId: 'template',
  attachmentIds: 'attachments',
  internetMessageId: 'Message-ID',
  to: 'To addresses',
  cc: 'Cc addresses',
  q: 'search text',
};

/** A key that holds fields means the thing itself: the add-in's `email` is the email, not an address. */
const OWNER_WORDS: Record<string, string> = { email: 'email' };

const ACRONYMS: Record<string, string> = {
  id: 'ID',
  ids: 'IDs',
  html: 'HTML',
  url: 'URL',
  sr: 'SR',
  upn: 'UPN',
};

function wordsOf(key: string): string {
  if (WORDS[key]) return WORDS[key];
  // isDefault, hasNewEmailReply: the switch is named by what it says, not by the question.
  return key
    .replace(/^(is|has)(?=[A-Z])/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase())
    .join(' ');
}

/**
 * The field's words, or undefined for the request as a whole. Inside a list the entry's own field names it
 * (["recipients", 1, "address"] -> "address"); an entry without one is named by its list (["to", 0] -> "To addresses").
 */
export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  const lastIndex = path.findLastIndex((segment) => typeof segment === 'number');
  const inEntry = path
    .slice(lastIndex + 1)
    .filter((segment): segment is string => typeof segment === 'string');
  const keys =
    inEntry.length > 0 ? inEntry : path.filter((segment): segment is string => typeof segment === 'string');
  if (keys.length === 0) return undefined;
  const last = wordsOf(keys[keys.length - 1] as string);
  const owners = keys.slice(0, -1).map((key) => OWNER_WORDS[key] ?? wordsOf(key));
  return owners.length ? `${owners.join(' ')}’s ${last}` : last;
}

/** "a name", "an email address", "an SR", "the requester’s name": the article English asks for before the words. */
export function withArticle(label: string): string {
  if (label.includes('’s ')) return `the ${label}`;
  // "SR" is read "ess-ar"; "user" and "unique" start with a "y" sound.
  const startsWithVowelSound = /^SR\b/.test(label) || /^[aeio]/i.test(label) || /^u(?![sn]i|se)/i.test(label);
  return `${startsWithVowelSound ? 'an' : 'a'} ${label}`;
}
