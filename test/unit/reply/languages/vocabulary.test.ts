import { describe, expect, it } from 'vitest';
import { isAttribution } from '../../../../api/src/reply/extract/attribution-patterns.js';
import { isDeviceFooter } from '../../../../api/src/reply/extract/client-additions.js';
import { headerLabelKind, isHistorySeparator } from '../../../../api/src/reply/extract/quote-patterns.js';
import { LANGUAGES } from '../../../../api/src/reply/languages/languages.js';
import { fold, phrasePattern } from '../../../../api/src/reply/languages/vocabulary.js';

// The language table: at least 25 languages, each with the strings every consumer needs, and the lookups built from
// it finding what clients write in those languages.

describe('the language table', () => {
  it('covers at least 25 languages, each with header labels, attribution verbs and the classifiers’ words', () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(25);
    for (const language of LANGUAGES) {
      const { header } = language;
      for (const list of [
        header.from,
        header.sent,
        header.to,
        header.subject,
        language.wrote,
        language.originalMessage,
        language.autoReplySubjects,
        language.bounceSubjects,
      ]) {
        expect(list.length, language.code).toBeGreaterThan(0);
      }
    }
    expect(new Set(LANGUAGES.map((l) => l.code)).size).toBe(LANGUAGES.length);
  });

  it('reads header lines, separators, attributions and footers in many languages', () => {
    expect(
      [
        'Von: a',
        'Betreff: b',
        'Objet\u00a0: c',
        'Lähettäjä: d',
        '件名: e',
        'Předmět: f',
        'Kimden: g',
        'Θέμα: h',
        '보낸 사람: i',
      ].map(headerLabelKind),
    ).toEqual(['from', 'subject', 'subject', 'from', 'subject', 'subject', 'from', 'subject', 'from']);
    expect(
      [
        '-----Ursprüngliche Nachricht-----',
        '---------- Mensaje reenviado ---------',
        '-------- Původní zpráva --------',
        'Inizio messaggio inoltrato:',
      ].every(isHistorySeparator),
    ).toBe(true);
    expect(isAttribution('Am 12.02.2024 um 10:15 schrieb Service Desk <support@contoso.com>:')).toBe(true);
    expect(isAttribution('12.02.2024 10:15 keltezéssel, Service Desk <support@contoso.com> írta:')).toBe(
      true,
    );
    expect(
      [
        'Von meinem iPhone gesendet',
        'Enviado desde mi iPhone',
        'iPhoneから送信',
        'Get [Outlook for Android](https://aka.ms/x)',
      ].every(isDeviceFooter),
    ).toBe(true);
    expect(isDeviceFooter('Sent this to the vendor yesterday.')).toBe(false);
  });

  it('matches phrases as whole words, accents and case folded, and CJK phrases inside running text', () => {
    const pattern = phrasePattern(['Automātiskā atbilde', '自動応答', 'out of office']);
    expect(pattern.test(fold('Ārpus biroja atrašanās automātiskā atbilde: x'))).toBe(true);
    expect(pattern.test(fold('Arpus biroja atrasanas automatiska atbilde: x'))).toBe(true);
    expect(pattern.test(fold('【自動応答】不在'))).toBe(true);
    expect(pattern.test(fold('layout of officers'))).toBe(false);
  });
});
