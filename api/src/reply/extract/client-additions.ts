import { allOf, alternation } from '../languages/vocabulary.js';
import { CJK, firstCharacters, firstWord, firstWordMayBeIn, MAX_PATTERN_LINE, SPACE } from './line-scan.js';

// What mail clients and tenants add around the writer's text: the device footer a phone appends below it (anything
// below one is quoted history) and the warning banner a tenant or gateway puts above it (removed from the note).
// Linear patterns over lines of bounded length (line-scan.ts).

// Device footers mobile clients append after the typed text; anything below one is quoted history.
const DEVICE_FOOTERS = allOf('deviceFooters');
// The first word decides whether the full pattern is worth running (a set lookup per line instead of a big regex).
const FOOTER_FIRST_WORDS = new Set(DEVICE_FOOTERS.map((f) => (/^[^\s]+/.exec(f)?.[0] ?? f).toLowerCase()));
const FOOTER_FIRST_CHARACTERS = firstCharacters(FOOTER_FIRST_WORDS);
const CJK_FOOTER_START = new RegExp(
  `^[ \\t]*(?:${alternation(DEVICE_FOOTERS.filter((footer) => CJK.test(footer)))})`,
  'u',
);
const DEVICE_FOOTER = new RegExp(
  `^[ \\t]*[([<]{0,2}[ \\t]*(?:${alternation(DEVICE_FOOTERS)})(?!${SPACE}*[:：])`,
  'iu',
);

export function isDeviceFooter(text: string): boolean {
  if (text.length > MAX_PATTERN_LINE) return false;
  // Markdown renderings link part of the footer: "Get [Outlook for Android](https://aka.ms/...)".
  const line = text.includes('[') ? text.replace(/[[\]]/g, '') : text;
  const footerWord =
    firstWordMayBeIn(line, 0, FOOTER_FIRST_CHARACTERS) && FOOTER_FIRST_WORDS.has(firstWord(line));
  if (!footerWord && !CJK_FOOTER_START.test(line)) return false;
  if (!DEVICE_FOOTER.test(line)) return false;
  const withoutLinks = line
    .replace(/<[^<>\s]{1,300}>|\((?:https?:|www\.)[^()\s]{1,300}\)|https?:\S{1,300}/g, '')
    .trim();
  return withoutLinks.length <= 80 && !/[,:;]$/.test(withoutLinks);
}

// Banners Microsoft 365 tenants and mail gateways put above the text ("CAUTION: This email originated outside...").
const BANNERS = [
  /\b(?:originated|comes?|came|was sent|is from|sent) from outside\b/i,
  /\boutside (?:of )?(?:the |your |our )?(?:organi[sz]ation|company)\b.{0,120}\b(?:click|links?|attachments?|recogni[sz]e|caution)/i,
  /\byou don'?t often get email from\b/i,
  /\bdon'?t often get email from\b.{0,200}\blearn why this is important\b/i,
  /^\s*\[?(?:EXTERNAL|EXTERN|EXTERNE?|EXTERNO|ESTERNO)(?: (?:EMAIL|E-MAIL|SENDER|MESSAGE|MAIL))?\]?\s*[:!-]?\s*$/i,
  /^\s*(?:CAUTION|WARNING|ATTENTION|ACHTUNG|VORSICHT|ATTENZIONE|PRECAUCIÓN|LET OP|VARNING|OBS)\s*[:!-].{0,300}\b(?:external|extern|externe|esterno|externo|extern[ae]|außerhalb|l'extérieur|fuera|buiten|utanför|utenfor)\b/iu,
  /\bstammt von (?:einem )?(?:externen|außerhalb)\b/i,
  /\bprovient de l'extérieur\b/i,
  /\bafkomstig (?:is )?van buiten\b/i,
];

// Every banner above mentions one of these; one cheap test spares ordinary lines the full list.
const BANNER_HINT = /outside|extern|often get email|außerhalb|extérieur|fuera|buiten|utanför|utenfor/i;

/** Whether `text` could hold a banner at all: one scan of a body's start spares its lines the per-line checks. */
export function mayHoldBanner(text: string): boolean {
  return BANNER_HINT.test(text);
}

export function isBannerLine(line: string): boolean {
  return line.length <= 600 && BANNER_HINT.test(line) && BANNERS.some((pattern) => pattern.test(line));
}
