// The properties of Graph's attachment types (v1.0 CSDL) the emulator knows: what a create accepts for each kind,
// and what $select and $expand may name.

/** microsoft.graph.attachment, the base every kind shares (a referenceAttachment adds nothing we keep). */
export const ATTACHMENT_BASE_PROPERTIES = [
  'id',
  'contentType',
  'isInline',
  'lastModifiedDateTime',
  'name',
  'size',
] as const;
export const FILE_ATTACHMENT_PROPERTIES = [
  ...ATTACHMENT_BASE_PROPERTIES,
  'contentBytes',
  'contentId',
  'contentLocation',
] as const;
export const ITEM_ATTACHMENT_PROPERTIES = [...ATTACHMENT_BASE_PROPERTIES, 'item'] as const;
