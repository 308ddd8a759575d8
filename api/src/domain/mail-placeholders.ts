import { EC_ID_PLACEHOLDER } from './reply-marker.js';
import { formatSrNumber, type ServiceRequest } from './service-request.js';

// The placeholders a template's subject and body may use (Administration > Mail > Templates lists them). A
// placeholder is #NAME# in capitals; values are plain text, escaped when they go into HTML.

export type PlaceholderContext = {
  sr: ServiceRequest;
  /** Text of the last PUBLIC note an agent wrote (or the one that triggered a rule). Never a customer's email, never an internal note. */
  lastNote?: string;
  /** Where agents open the SR, when the public URL is configured. */
  srLink?: string;
  desk: { name: string; address: string };
};

type Placeholder = { name: string; description: string; value: (c: PlaceholderContext) => string };

const PLACEHOLDER_LIST: readonly Placeholder[] = [
  { name: '#SR_ID#', description: 'The SR number, e.g. SR-000123', value: (c) => formatSrNumber(c.sr.id) },
  { name: '#SR_TITLE#', description: 'The SR title', value: (c) => c.sr.title },
  { name: '#SR_DESCRIPTION#', description: 'The SR description', value: (c) => c.sr.description },
  { name: '#STATUS#', description: 'The current status', value: (c) => c.sr.status },
  { name: '#PRIORITY#', description: 'The priority', value: (c) => c.sr.priority },
  { name: '#REQUESTER_NAME#', description: "The requester's name", value: (c) => c.sr.requester.name },
  {
    name: '#REQUESTER_EMAIL#',
    description: "The requester's email address",
    value: (c) => c.sr.requester.email,
  },
  {
    name: '#ASSIGNEE_NAME#',
    description: 'The assignee\'s name, or "Unassigned"',
    value: (c) => c.sr.assignee?.name ?? 'Unassigned',
  },
  {
    name: '#ASSIGNEE_EMAIL#',
    description: "The assignee's email address (empty when unassigned)",
    value: (c) => c.sr.assignee?.email ?? '',
  },
  {
    name: '#LAST_NOTE#',
    description:
      "The last PUBLIC note an agent wrote (never a customer's email; for a note rule: the note that was added)",
    value: (c) => c.lastNote ?? '',
  },
  {
    name: '#SR_LINK#',
    description: 'A link to the SR for agents (the SR number when no public URL is configured)',
    value: (c) => c.srLink ?? formatSrNumber(c.sr.id),
  },
  {
    name: '#CREATED_AT#',
    description: 'When the SR was created (UTC)',
    value: (c) => `${c.sr.createdAt.slice(0, 16).replace('T', ' ')} UTC`,
  },
  {
    name: '#DESK_NAME#',
    description: 'The name of the mailbox the email is sent from',
    value: (c) => c.desk.name,
  },
  { name: '#DESK_EMAIL#', description: 'The address the email is sent from', value: (c) => c.desk.address },
];

const BY_NAME = new Map(PLACEHOLDER_LIST.map((p) => [p.name, p]));

/** For the template editor: every placeholder with what it becomes. */
export const PLACEHOLDERS: readonly { name: string; description: string }[] = PLACEHOLDER_LIST.map(
  ({ name, description }) => ({ name, description }),
);

// Letters, digits and underscores between two hashes, in any case so "#sr_title#" is reported rather than sent as
// text. Starting with a letter keeps "#1#", "&#39;" and CSS colours out.
const PLACEHOLDER_SHAPE = /#[A-Za-z][A-Za-z0-9_]{1,40}#/g;

export type PlaceholderProblem = { placeholder: string; message: string };

/** Every placeholder-shaped text that is not a placeholder here (#EC_ID# belongs to the reply text only). */
export function unknownPlaceholders(text: string): PlaceholderProblem[] {
  const problems = new Map<string, PlaceholderProblem>();
  for (const [found] of text.matchAll(PLACEHOLDER_SHAPE)) {
    if (BY_NAME.has(found) || problems.has(found)) continue;
    const upper = found.toUpperCase();
    const message =
      upper === EC_ID_PLACEHOLDER
        ? `${EC_ID_PLACEHOLDER} belongs in the reply text line only; it is added to every email there.`
        : BY_NAME.has(upper)
          ? `Placeholders are written in capitals: ${upper}, not ${found}.`
          : `${found} is not a placeholder. Use one of ${PLACEHOLDER_LIST.map((p) => p.name).join(', ')}.`;
    problems.set(found, { placeholder: found, message });
  }
  return [...problems.values()];
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Fills placeholders in a subject: plain text on one line (a value cannot add header lines). */
export function fillText(text: string, context: PlaceholderContext): string {
  return text.replace(
    PLACEHOLDER_SHAPE,
    (found) => BY_NAME.get(found)?.value(context).replace(/\s+/g, ' ').trim() ?? found,
  );
}

/** Fills placeholders in HTML: every value escaped, its line breaks kept as <br>. */
export function fillHtml(html: string, context: PlaceholderContext): string {
  return html.replace(PLACEHOLDER_SHAPE, (found) => {
    const placeholder = BY_NAME.get(found);
    return placeholder ? escapeHtml(placeholder.value(context)).replace(/\r?\n/g, '<br>') : found;
  });
}
