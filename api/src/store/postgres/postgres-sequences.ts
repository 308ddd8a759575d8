import type pg from 'pg';

/** Named counters (SR numbers and the like) as PostgreSQL sequences, one per name, made the first time it is used. */
export class PostgresSequences {
  readonly #pool: pg.Pool;
  readonly #made = new Set<string>();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** The sequence behind `name`, created outside any transaction when it does not exist yet. */
  async sequenceOf(name: string): Promise<string> {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(name))
      throw new Error(`"${name}" is not a usable sequence name.`);
    const sequence = `seq_${name.toLowerCase()}`;
    if (!this.#made.has(sequence)) {
      await this.#pool.query(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`).catch((error: unknown) => {
        // Two instances creating it at once: one wins, which is all that is needed.
        if ((error as { code?: string }).code !== '23505') throw error;
      });
      this.#made.add(sequence);
    }
    return sequence;
  }

  /** Moves `name` on so its next number is above `atLeast`; never moves it back. */
  async advance(name: string, atLeast: number): Promise<void> {
    const sequence = await this.sequenceOf(name);
    await this.#pool.query(
      `SELECT setval('${sequence}', greatest($1::bigint, (SELECT last_value FROM ${sequence})))`,
      [Math.max(1, atLeast)],
    );
  }
}
