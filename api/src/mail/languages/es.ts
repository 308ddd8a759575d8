import type { LanguageStrings } from './language.js';

export const es: LanguageStrings = {
  code: 'es',
  header: {
    from: ['De', 'Remitente'],
    sent: ['Enviado', 'Enviado el', 'Fecha'],
    to: ['Para', 'A', 'Destinatario'],
    cc: ['CC', 'Copia'],
    subject: ['Asunto'],
    replyTo: ['Responder a'],
  },
  wrote: ['escribió', 'escribio', 'ha escrito'],
  attributionOpeners: ['El', 'El día'],
  originalMessage: ['Mensaje original'],
  forwardedMessage: ['Mensaje reenviado'],
  forwardIntro: ['Inicio del mensaje reenviado', 'Comienzo del mensaje reenviado'],
  deviceFooters: ['Enviado desde', 'Enviado con', 'Obtener Outlook para'],
  autoReplySubjects: ['Respuesta automática', 'Respuesta automatica', 'Fuera de la oficina', 'Respuesta de fuera de la oficina'],
  awayWording: ['fuera de la oficina', 'de vacaciones', 'estaré de vuelta', 'regresaré el', 'ausente'],
  bounceSubjects: ['No se puede entregar', 'No se pudo entregar', 'Entrega fallida', 'Mensaje no entregado', 'Error de entrega'],
  bounceWording: ['no se pudo entregar', 'no se puede entregar', 'no se ha podido entregar', 'no entregado', 'buzón lleno', 'destinatario desconocido', 'usuario desconocido'],
  replyPrefixes: ['RE'],
  forwardPrefixes: ['RV', 'Fwd', 'REENV'],
  replyAboveLine: ['encima de esta línea', 'por encima de esta línea'],
};
