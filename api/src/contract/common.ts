import { z } from 'zod';

// Wire shapes shared by the API, the tab and the add-in (they import types only).
export const ZEmail = z
  .email()
  .max(254)
  .transform((v) => v.toLowerCase());
export const ZPerson = z.strictObject({ name: z.string().trim().min(1).max(200), email: ZEmail });
export type TPerson = z.infer<typeof ZPerson>;

/** SR references in paths: "SR-000123" or "123". */
export const ZSrRef = z
  .string()
  .regex(/^(?:[Ss][Rr]-?)?\d{1,9}$/, 'Expected an SR number such as SR-000123 or 123');

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export const ZPaging = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  // Room for a keyset cursor that carries an SR title (200 characters, up to 4 bytes each, base64).
  cursor: z.string().max(2000).optional(),
});

/**
 * Search text: any characters but control characters (a database cannot store a NUL, and none belongs in a search).
 * Quotes, % and _ are searched for literally.
 */
export const ZSearchText = z
  .string()
  .trim()
  .max(200)
  .refine(
    (text) => ![...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
    'Search text must not contain control characters',
  );

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    // Paged lists count their matches up to 1,000: past that, total is 1000 and this is true (shown as "1000+").
    totalIsCapped: z.boolean().optional(),
    nextCursor: z.string().optional(),
  });
}
export type TList<T> = { items: T[]; total: number; totalIsCapped?: boolean; nextCursor?: string };
