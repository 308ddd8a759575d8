import { badRequest } from '../core/graph-error.js';

export type GraphParams = {
  user?: string;
  me?: boolean;
  /** Folder chain as addressed: mailFolders/{a}/childFolders/{b} gives [a, b]. */
  folders: string[];
  message?: string;
  attachment?: string;
  subscription?: string;
};

export type GraphPath = { key: string; params: GraphParams };

const MESSAGE_KEYWORDS = new Set(['delta', '$count']);
const ATTACHMENT_KEYWORDS = new Set(['createuploadsession', '$count']);
const FOLDER_KEYWORDS = new Set(['delta', '$count']);

/**
 * Turns `/v1.0/users/x/mailFolders('inbox')/messages/abc/attachments` into a route key
 * (`users/{user}/mailfolders/{folder}/messages/{message}/attachments`) and its parameters. Navigation segments
 * are case-insensitive as in Graph; ids keep their case. Message routes drop the folder part of the key
 * (a message is addressed the same either way) but keep the folder for checking.
 */
export function parseGraphPath(path: string): GraphPath {
  const segments = splitSegments(path);
  const params: GraphParams = { folders: [] };
  const key: string[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    const lower = segment.toLowerCase().replace(/^microsoft\.graph\./, '');
    const next = segments[i + 1];
    switch (lower) {
      case 'users':
        if (next === undefined) {
          key.push('users');
          break;
        }
        params.user = next;
        key.push('users/{user}');
        i += 1;
        break;
      case 'me':
        params.me = true;
        key.push('users/{user}');
        break;
      case 'mailfolders':
      case 'childfolders':
        if (next === undefined || FOLDER_KEYWORDS.has(next.toLowerCase())) {
          key.push(lower);
          break;
        }
        params.folders.push(next);
        if (lower === 'mailfolders') key.push('mailfolders/{folder}');
        i += 1;
        break;
      case 'messages':
        if (next === undefined || MESSAGE_KEYWORDS.has(next.toLowerCase())) {
          key.push('messages');
          break;
        }
        params.message = next;
        if (key.at(-1) === 'mailfolders/{folder}') key.pop();
        key.push('messages/{message}');
        i += 1;
        break;
      case 'attachments':
        if (next === undefined || ATTACHMENT_KEYWORDS.has(next.toLowerCase())) {
          key.push('attachments');
          break;
        }
        params.attachment = next;
        key.push('attachments/{attachment}');
        i += 1;
        break;
      case 'subscriptions':
        if (next === undefined) {
          key.push('subscriptions');
          break;
        }
        params.subscription = next;
        key.push('subscriptions/{subscription}');
        i += 1;
        break;
      default:
        key.push(lower);
    }
  }
  return { key: key.join('/'), params };
}

/** Splits the path after /v1.0 into decoded segments; `name('key')` becomes two segments. */
function splitSegments(path: string): string[] {
  const out: string[] = [];
  for (const raw of path.replace(/^\/v1\.0\/?/i, '').split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw badRequest(`Resource not found for the segment '${raw}'.`);
    }
    const keyed = /^([A-Za-z.$]+)\('?([^']*)'?\)$/.exec(segment);
    if (keyed) out.push(keyed[1]!, keyed[2]!);
    else out.push(segment);
  }
  return out;
}
