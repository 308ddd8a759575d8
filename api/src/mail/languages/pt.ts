import type { LanguageStrings } from './language.js';

export const pt: LanguageStrings = {
  code: 'pt',
  header: {
    from: ['De', 'Remetente'],
    sent: ['Enviado', 'Enviada', 'Enviada em', 'Enviado em', 'Data'],
    to: ['Para', 'Destinatário'],
    cc: ['Cc', 'Cópia'],
    subject: ['Assunto'],
    replyTo: ['Responder a'],
  },
  wrote: ['escreveu'],
  attributionOpeners: ['Em', 'No dia', 'Citando'],
  originalMessage: ['Mensagem original'],
  forwardedMessage: ['Mensagem encaminhada', 'Mensagem reencaminhada'],
  forwardIntro: ['Início da mensagem reencaminhada', 'Início da mensagem encaminhada'],
  deviceFooters: ['Enviado do', 'Enviado de', 'Enviado com', 'Enviado a partir do', 'Obter o Outlook para', 'Baixe o Outlook para'],
  autoReplySubjects: ['Resposta automática', 'Resposta automatica', 'Fora do escritório', 'Ausência temporária'],
  awayWording: ['fora do escritório', 'de férias', 'estarei de volta', 'regresso a', 'retorno em'],
  bounceSubjects: ['Não é possível entregar', 'Não entregue', 'Falha na entrega', 'Mensagem não entregue'],
  bounceWording: ['não pôde ser entregue', 'não foi possível entregar', 'não entregue', 'falha na entrega', 'caixa postal cheia', 'caixa de correio cheia', 'destinatário desconhecido'],
  replyPrefixes: ['RES', 'RE', 'R'],
  forwardPrefixes: ['ENC', 'FW', 'Fwd'],
  replyAboveLine: ['acima desta linha'],
};
