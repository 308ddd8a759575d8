import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { MailAccount } from '../domain/mail-account.js';
import type { SignIn } from './imap-credentials.js';

// A nodemailer SMTP transport for one send (or one check) with the account's outgoing host: implicit TLS on 465, or
// STARTTLS required (587), so credentials never go out in the clear. XOAUTH2 with the app token, or the password.

export function createSmtpTransport(
  account: MailAccount,
  signIn: SignIn,
): Transporter<SMTPTransport.SentMessageInfo> {
  const auth: SMTPTransport.Options['auth'] =
    'accessToken' in signIn
      ? { type: 'OAuth2', user: signIn.user, accessToken: signIn.accessToken }
      : { user: signIn.user, pass: signIn.pass };
  return nodemailer.createTransport({
    host: account.outgoingHost,
    port: account.outgoingPort,
    secure: account.outgoingSecurity === 'tls',
    requireTLS: account.outgoingSecurity === 'starttls',
    auth,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
}
