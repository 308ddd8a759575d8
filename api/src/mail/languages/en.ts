import type { LanguageStrings } from './language.js';

export const en: LanguageStrings = {
  code: 'en',
  header: {
    from: ['From'],
    sent: ['Sent', 'Date'],
    to: ['To'],
    cc: ['Cc', 'Bcc'],
    subject: ['Subject'],
    replyTo: ['Reply-To'],
  },
  wrote: ['wrote', 'writes'],
  attributionOpeners: ['On', 'At', 'Quoting'],
  originalMessage: ['Original Message', 'Reply message'],
  forwardedMessage: ['Forwarded message', 'Forwarded Message'],
  forwardIntro: ['Begin forwarded message', 'Forwarded message'],
  deviceFooters: ['Sent from', 'Sent with', 'Sent via', 'Sent using', 'Get Outlook for', 'Get Outlook', 'From my iPhone', 'From my Android'],
  autoReplySubjects: ['Automatic reply', 'Vacation', 'Auto reply', 'Auto-reply', 'Autoreply', 'Auto response', 'Auto-response', 'Automatic response', 'Auto answer', 'Out of Office', 'Out of the Office', 'Out of Office AutoReply', 'Out of office reply', 'Auto'],
  awayWording: ['out of the office', 'out of office', 'currently away', 'currently out', 'on annual leave', 'on parental leave', 'on sick leave', 'on maternity leave', 'on leave', 'on vacation', 'on holiday', 'limited access to email', 'limited access to my email', 'will be back', 'will return', 'will be returning', 'no longer monitored', 'no longer in use', 'no longer with', 'automatic reply', 'automatically generated', 'automatic response'],
  bounceSubjects: ['Undeliverable', 'Undelivered', 'Undelivered Mail Returned to Sender', 'Delivery Status Notification', 'Delivery Failure', 'Delivery failed', 'Delivery Notification', 'Delivery problem', 'Delivery report', 'Returned mail', 'Mail delivery failed', 'Mail delivery failure', 'failure notice', 'Failed delivery', 'Non-delivery', 'Nondelivery', 'Nondeliverable', 'Message not delivered', 'Mail System Error', 'Could not send message', 'Could not send your message', 'Mail could not be delivered', 'returned to sender', 'returning to sender', 'Loop Alert'],
  bounceWording: ['delivery has failed to these recipients', 'delivery to the following recipient failed', 'delivery to the following recipients failed', 'could not be delivered', "couldn't be delivered", 'cannot be delivered', "can't be delivered", 'was not delivered', "wasn't delivered", 'has not been delivered', 'undeliverable', 'undelivered', 'permanent error', 'permanent fatal error', 'permanent fatal errors', 'had permanent fatal errors', 'this is the mail system at host', 'mail delivery failed', 'mail delivery subsystem', 'mail delivery system', 'returned mail', 'user unknown', 'unknown user', 'recipient unknown', 'unknown recipient', 'user not found', 'recipient not found', 'address not found', 'address rejected', 'recipient rejected', 'recipient address rejected', 'no such user', 'no such recipient', 'no such mailbox', 'mailbox unavailable', 'mailbox full', 'mailbox is full', 'mailbox not found', 'mailbox does not exist', 'over quota', 'quota exceeded', 'host not found', 'domain not found', 'smtp error', 'retry time exceeded', 'retry timeout exceeded', 'delivery attempts failed', 'delivery attempts will continue', 'message was rejected', 'message rejected', 'message bounced', 'error delivering your message', 'error sending your message', 'dns failure', 'host lookup failure', 'unable to deliver', 'could not deliver', "wasn't able to deliver", 'failed addresses follow', 'message text follows', 'are not a member', 'not a member of this', 'are not member', 'only members', 'duplicated message-id', 'duplicate message-id', 'mail loop', 'loop detected'],
  replyPrefixes: ['RE'],
  forwardPrefixes: ['FW', 'FWD'],
  replyAboveLine: ['reply above this line', 'type your reply above this line', 'write your reply above this line', 'reply above the line'],
};
