import type { LanguageStrings } from './language.js';
import { LANGUAGES } from './languages.js';

// The language table folded into the lookups the extractor and the classifiers use: every language's strings of one
// kind together. Built once at load; matching code never lists words of its own.

type ListKey = {
  [K in keyof LanguageStrings]-?: LanguageStrings[K] extends string[] | undefined ? K : never;
}[keyof LanguageStrings];

/** Every language's strings of one kind, without repeats. */
export function allOf(key: ListKey): string[] {
  return [...new Set(LANGUAGES.flatMap((language) => language[key] ?? []))];
}

export type HeaderLabelKind = 'from' | 'date' | 'to' | 'cc' | 'subject' | 'reply-to';

function headerLabels(): Map<string, HeaderLabelKind> {
  const labels = new Map<string, HeaderLabelKind>();
  const add = (words: readonly string[] | undefined, kind: HeaderLabelKind) => {
    for (const word of words ?? []) if (!labels.has(word.toLowerCase())) labels.set(word.toLowerCase(), kind);
  };
  // "From" wins over a language whose word for "To" is spelt the same (Italian "A", Romanian "De la" ...): the order of
  // the kinds below is the order of trust.
  for (const language of LANGUAGES) add(language.header.from, 'from');
  for (const language of LANGUAGES) add(language.header.subject, 'subject');
  for (const language of LANGUAGES) add(language.header.sent, 'date');
  for (const language of LANGUAGES) add(language.header.to, 'to');
  for (const language of LANGUAGES) add(language.header.cc, 'cc');
  for (const language of LANGUAGES) add(language.header.replyTo, 'reply-to');
  return labels;
}

/** Header field labels, lower-cased, with the field they name. */
export const HEADER_LABELS: ReadonlyMap<string, HeaderLabelKind> = headerLabels();

/** Lower case without accents: "Ārpus" and "Arpus" (a gateway's ASCII folding) read the same. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff\u0590-\u05ff]/u;

/** Longest first, so a phrase is never cut short by a shorter one that begins it. */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

/**
 * A pattern finding any of `phrases` in folded text as whole words. Phrases in scripts written without spaces (CJK)
 * are found anywhere: there a word boundary is not a space.
 */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const folded = [...new Set(phrases.map(fold))];
  const spaced = folded.filter((p) => !CJK.test(p));
  const glued = folded.filter((p) => CJK.test(p));
  const parts = [];
  if (spaced.length) parts.push(`(?<![\\p{L}\\p{N}])(?:${alternation(spaced)})(?![\\p{L}\\p{N}])`);
  if (glued.length) parts.push(`(?:${alternation(glued)})`);
  return new RegExp(parts.join('|') || '(?!)', 'u');
}
