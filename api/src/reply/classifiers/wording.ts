import { allOf, fold, phrasePattern } from '../languages/vocabulary.js';
import { type Classifier, type Evidence, signalText, subjectCore } from './evidence.js';

// What the body says: delivery-failure and out-of-office wording in every language of the table, and the fields of a
// delivery status report (RFC 3464) that mail systems also write into plain-text bounces. People write such words too
// ("my mail could not be delivered", "I'll be out of the office"), so wording is only ever supporting evidence, and
// classify() looks at it only when something a person does not write (a header, a mail-system sender, a report
// structure) is there as well. A message a person forwards ("Fwd: Undeliverable") quotes these words: not counted.

const NDR_WORDING = phrasePattern(allOf('bounceWording'));
const AWAY_WORDING = phrasePattern(allOf('awayWording'));
// Field names and status codes are the same in every language.
const DSN_FIELDS =
  /(?:^|\n)[ \t]*(?:diagnostic-code|final-recipient|original-recipient|remote-mta|reporting-mta)[ \t]*:|(?:^|\n)[ \t]*action[ \t]*:[ \t]*(?:failed|delayed)|(?:^|\n)[ \t]*status[ \t]*:[ \t]*[45]\.\d{1,3}\.\d{1,3}|(?<![\d.])[45]\.\d\.\d{1,3}(?![\d.])|(?<!\d)55[0-4][ -]/i;
const MAX_WORDING_TEXT = 8_000;

export const detectWording: Classifier = (message) => {
  if (subjectCore(message.subject).forwarded) return [];
  const text = signalText(message).slice(0, MAX_WORDING_TEXT);
  const folded = fold(text);
  const evidence: Evidence[] = [];
  const ndr = NDR_WORDING.exec(folded) ?? DSN_FIELDS.exec(text);
  if (ndr)
    evidence.push({
      class: 'bounce',
      signal: 'content:ndr-wording',
      strength: 'supporting',
      detail: ndr[0].trim(),
    });
  const away = AWAY_WORDING.exec(folded);
  if (away)
    evidence.push({
      class: 'auto-reply',
      signal: 'content:away-wording',
      strength: 'supporting',
      detail: away[0],
    });
  return evidence;
};
