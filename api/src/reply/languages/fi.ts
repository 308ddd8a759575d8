import type { LanguageStrings } from './language.js';

export const fi: LanguageStrings = {
  code: 'fi',
  header: {
    from: ['Lähettäjä'],
    sent: ['Lähetetty', 'Päivämäärä', 'Päiväys'],
    to: ['Vastaanottaja'],
    cc: ['Kopio'],
    subject: ['Aihe'],
  },
  wrote: ['kirjoitti'],
  originalMessage: ['Alkuperäinen viesti'],
  forwardedMessage: ['Välitetty viesti'],
  forwardIntro: ['Välitetty viesti alkaa'],
  deviceFooters: ['Lähetetty', 'Hanki Outlook'],
  autoReplySubjects: ['Automaattinen vastaus', 'Poissa', 'Poissaoloilmoitus'],
  awayWording: ['poissa toimistolta', 'lomalla', 'palaan', 'tavoitettavissa'],
  bounceSubjects: ['Ei voitu toimittaa', 'Toimittamaton', 'Toimitus epäonnistui'],
  bounceWording: [
    'ei voitu toimittaa',
    'toimitus epäonnistui',
    'tuntematon vastaanottaja',
    'postilaatikko on täynnä',
  ],
  replyPrefixes: ['VS'],
  forwardPrefixes: ['VL', 'ED', 'FW'],
  replyAboveLine: ['tämän rivin yläpuolelle'],
};
