import type { LanguageStrings } from './language.js';

export const pl: LanguageStrings = {
  code: 'pl',
  header: {
    from: ['Od', 'Nadawca'],
    sent: ['Wysłano', 'Wysłane', 'Data'],
    to: ['Do', 'Adresat'],
    cc: ['DW', 'Kopia'],
    subject: ['Temat'],
    replyTo: ['Odpowiedź do'],
  },
  wrote: ['napisał', 'napisała', 'napisał(a)', 'pisze'],
  attributionOpeners: ['W dniu', 'Dnia'],
  originalMessage: ['Wiadomość oryginalna', 'Oryginalna wiadomość'],
  forwardedMessage: ['Przekazana wiadomość', 'Wiadomość przekazana dalej'],
  forwardIntro: ['Początek przekazywanej wiadomości', 'Początek przekazanej wiadomości'],
  deviceFooters: ['Wysłane z', 'Wysłano z', 'Pobierz program Outlook dla'],
  autoReplySubjects: ['Odpowiedź automatyczna', 'Automatyczna odpowiedź', 'Nieobecność', 'Poza biurem'],
  awayWording: ['poza biurem', 'na urlopie', 'nieobecny', 'nieobecna', 'wracam'],
  bounceSubjects: [
    'Niedostarczalne',
    'Nie można dostarczyć',
    'Niedostarczona wiadomość',
    'Błąd dostarczenia',
  ],
  bounceWording: [
    'nie może zostać dostarczona',
    'nie można dostarczyć',
    'nie dostarczono',
    'nie została dostarczona',
    'skrzynka pełna',
    'nieznany adresat',
  ],
  replyPrefixes: ['Odp', 'RE'],
  forwardPrefixes: ['PD', 'Fwd', 'FW'],
  replyAboveLine: ['powyżej tej linii'],
};
