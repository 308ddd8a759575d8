import type { LanguageStrings } from './language.js';

export const it: LanguageStrings = {
  code: 'it',
  header: {
    from: ['Da', 'Mittente'],
    sent: ['Inviato', 'Data', 'Inviato il'],
    to: ['A', 'Destinatario'],
    cc: ['Cc', 'Copia'],
    subject: ['Oggetto'],
    replyTo: ['Rispondi a', 'Risposta'],
  },
  wrote: ['ha scritto', 'scrisse'],
  attributionOpeners: ['Il', 'Il giorno', 'In data'],
  originalMessage: ['Messaggio originale'],
  forwardedMessage: ['Messaggio inoltrato'],
  forwardIntro: ['Inizio messaggio inoltrato', 'Messaggio inoltrato'],
  deviceFooters: ['Inviato da', 'Inviato con', 'Scarica Outlook per'],
  autoReplySubjects: ['Risposta automatica', 'Fuori sede', 'Risposta fuori sede', 'Risposta Non al computer', 'Fuori ufficio'],
  awayWording: ['fuori ufficio', 'fuori sede', 'in ferie', 'sarò di ritorno', 'rientrerò'],
  bounceSubjects: ['Non recapitabile', 'Recapito non riuscito', 'Mancato recapito', 'Messaggio non recapitato'],
  bounceWording: ['non è stato possibile recapitare', "non e' stato possibile recapitare", 'non recapitabile', 'mancato recapito', 'casella piena', 'destinatario sconosciuto', 'utente sconosciuto'],
  replyPrefixes: ['R', 'RIF'],
  forwardPrefixes: ['I', 'Inoltro'],
  replyAboveLine: ['sopra questa riga', 'sopra questa linea'],
};
