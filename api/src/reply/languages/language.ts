// What mail clients and mail systems write, per language: the words our extractor and classifiers look for. One file
// per language holds these strings as the clients render them in that language; nothing else in the code spells a
// localised word. Where each field comes from:
//  - header: the labels of the header block Outlook desktop, new Outlook and OWA put above a quoted or forwarded
//    message (From / Sent / To / Cc / Subject; Outlook for Mac and new Outlook say Date), and the labels Gmail,
//    Thunderbird and Apple Mail use in their forwarded-message headers (Thunderbird: the FROM/DATE/TO/CC/SUBJECT
//    strings of its mime.properties).
//  - wrote / attributionOpeners: the reply attribution, "On <date>, <name> wrote:" — Thunderbird's
//    mailnews.reply_header_authorwrotesingle and mailnews.reply_header_ondateauthorwrote, Gmail's and Apple Mail's
//    localised attribution lines.
//  - originalMessage / forwardedMessage: Outlook's "-----Original Message-----", Gmail's "---------- Forwarded message
//    ---------", Thunderbird's "-------- Forwarded Message --------" (mailnews.forward_header_originalmessage).
//  - forwardIntro: Apple Mail's "Begin forwarded message:".
//  - deviceFooters: the default signatures of mobile clients ("Sent from my iPhone", "Get Outlook for Android").
//  - autoReplySubjects: Exchange/Outlook's localised "Automatic reply:" (older: "Out of Office AutoReply:") and the
//    vacation responders' subjects; awayWording: the usual words of an out-of-office text.
//  - bounceSubjects / bounceWording: Exchange's localised "Undeliverable:" NDR subject and delivery-failure texts.
//  - replyPrefixes / forwardPrefixes: what clients put before a subject ("RE:", "AW:", "FW:", "WG:").
//  - replyAboveLine: the delimiter help desks put at the top of their notifications, which every reply then quotes
//    (Zendesk's "##- Please type your reply above this line -##", griddler's "-- REPLY ABOVE THIS LINE --", ours).

export type LanguageStrings = {
  /** BCP 47 code; a script or region suffix where the strings differ (zh-Hant, pt-BR). */
  code: string;
  header: {
    from: string[];
    sent: string[];
    to: string[];
    cc: string[];
    subject: string[];
    replyTo?: string[];
  };
  wrote: string[];
  attributionOpeners?: string[];
  originalMessage: string[];
  forwardedMessage: string[];
  forwardIntro?: string[];
  deviceFooters: string[];
  autoReplySubjects: string[];
  awayWording: string[];
  bounceSubjects: string[];
  bounceWording: string[];
  replyPrefixes: string[];
  forwardPrefixes: string[];
  replyAboveLine?: string[];
};
