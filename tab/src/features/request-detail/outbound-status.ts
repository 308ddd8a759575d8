/** The badge colour of an outbound email's status, the same in the Emails panel and on a sent email's card. */
export const OUTBOUND_STATUS_COLOR = {
  sent: 'success',
  sending: 'informative',
  queued: 'informative',
  failed: 'danger',
  stopped: 'warning',
} as const;
