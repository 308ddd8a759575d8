import type { LanguageStrings } from './language.js';

export const fr: LanguageStrings = {
  code: 'fr',
  header: {
    from: ['De', 'Expéditeur'],
    sent: ['Envoyé', 'Envoyé le', 'Date', 'Message du'],
    to: ['À', 'A', 'Destinataire'],
    cc: ['Cc', 'Copie', 'Copie à'],
    subject: ['Objet', 'Sujet'],
    replyTo: ['Répondre à'],
  },
  wrote: ['a écrit', 'a ecrit'],
  attributionOpeners: ['Le', 'Citation de'],
  originalMessage: ["Message d'origine", 'Message d’origine', 'Message original'],
  forwardedMessage: ['Message transféré', 'Message transfere'],
  forwardIntro: ['Début du message réexpédié', 'Début du message transféré', 'Début du message réenvoyé'],
  deviceFooters: ['Envoyé de', 'Envoyé depuis', 'Envoyé à partir de', 'Envoyé avec', 'Obtenir Outlook pour'],
  autoReplySubjects: ['Réponse automatique', 'Réponse automatique d’absence du bureau', "Réponse automatique d'absence du bureau", 'Absence du bureau', 'Absent du bureau'],
  awayWording: ['absent du bureau', 'absente du bureau', 'en congé', 'en congés', 'de retour le', 'je serai de retour', 'actuellement absent', 'actuellement absente'],
  bounceSubjects: ['Non remis', 'Non distribuable', 'Échec de la remise', 'Echec de la remise', 'Message non remis'],
  bounceWording: ["n'a pas pu être remis", 'n’a pas pu être remis', 'non remis', 'non distribuable', 'échec de la remise', 'boîte aux lettres pleine', 'destinataire inconnu', 'adresse introuvable'],
  replyPrefixes: ['RE', 'Réf', 'REF'],
  forwardPrefixes: ['TR', 'Fwd'],
  replyAboveLine: ['au-dessus de cette ligne'],
};
