import type { LanguageStrings } from './language.js';

export const el: LanguageStrings = {
  code: 'el',
  header: {
    from: ['Από', 'Αποστολέας'],
    sent: ['Στάλθηκε', 'Ημερομηνία', 'Εστάλη'],
    to: ['Προς', 'Παραλήπτης'],
    cc: ['Κοιν', 'Κοιν.'],
    subject: ['Θέμα'],
  },
  wrote: ['έγραψε'],
  attributionOpeners: ['Στις', 'Την'],
  originalMessage: ['Αρχικό μήνυμα'],
  forwardedMessage: ['Προωθημένο μήνυμα'],
  forwardIntro: ['Αρχή προωθημένου μηνύματος'],
  deviceFooters: ['Στάλθηκε από', 'Λήψη του Outlook για'],
  autoReplySubjects: ['Αυτόματη απάντηση', 'Εκτός γραφείου'],
  awayWording: ['εκτός γραφείου', 'σε άδεια', 'θα επιστρέψω'],
  bounceSubjects: ['Δεν είναι δυνατή η παράδοση', 'Μη παραδοτέο', 'Αποτυχία παράδοσης'],
  bounceWording: [
    'δεν ήταν δυνατή η παράδοση',
    'δεν παραδόθηκε',
    'αποτυχία παράδοσης',
    'άγνωστος παραλήπτης',
  ],
  replyPrefixes: ['ΑΠ', 'ΣΧΕΤ'],
  forwardPrefixes: ['ΠΡΘ', 'FW'],
};
