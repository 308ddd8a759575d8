/**
 * The database cannot be opened as it is (corrupt, unreadable, from a newer version of the code). Start-up
 * stops with this message; the file is left exactly as it was for a person to inspect or restore.
 */
export class StoreOpenError extends Error {
  readonly file: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`Cannot open the database ${file}: ${problem}`, options);
    this.name = 'StoreOpenError';
    this.file = file;
  }
}
