import type { LanguageStrings } from './language.js';

export const nl: LanguageStrings = {
  code: 'nl',
  header: {
    from: ['Van', 'Afzender'],
    sent: ['Verzonden', 'Verstuurd', 'Datum'],
    to: ['Aan', 'Ontvanger'],
    cc: ['CC', 'Kopie'],
    subject: ['Onderwerp'],
    replyTo: ['Antwoord aan'],
  },
  wrote: ['schreef', 'het volgende geschreven', 'geschreven'],
  attributionOpeners: ['Op'],
  originalMessage: ['Oorspronkelijk bericht', 'Origineel bericht'],
  forwardedMessage: ['Doorgestuurd bericht'],
  forwardIntro: ['Begin doorgestuurd bericht'],
  deviceFooters: ['Verzonden vanaf', 'Verzonden met', 'Verzonden van', 'Verstuurd vanaf', 'Verstuurd met', 'Outlook voor'],
  autoReplySubjects: ['Automatisch antwoord', 'Afwezig', 'Automatisch antwoord: Afwezig'],
  awayWording: ['afwezig', 'met vakantie', 'niet op kantoor', 'weer aanwezig', 'ben ik weer'],
  bounceSubjects: ['Onbestelbaar', 'Niet bezorgd', 'Bezorging mislukt'],
  bounceWording: ['kon niet worden bezorgd', 'kan niet worden bezorgd', 'onbestelbaar', 'niet bezorgd', 'postvak vol', 'onbekende ontvanger'],
  replyPrefixes: ['Antw', 'RE'],
  forwardPrefixes: ['Doorst', 'FW'],
  replyAboveLine: ['boven deze regel', 'boven deze lijn'],
};
