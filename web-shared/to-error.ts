/** Whatever a promise rejected with, as an Error the screen can show (a thrown string or object included). */
export const toError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));
