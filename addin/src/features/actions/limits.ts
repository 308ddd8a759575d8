// The API's caps for one filing (api/src/contract/addin-email.ts). The pane imports the contract for types
// only (docs/architecture.md §3), so the number is repeated here to warn before sending; the API enforces it.
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;
