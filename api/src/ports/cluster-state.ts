// What the instances sharing one database agree on: fingerprints of the keys every instance must hold alike, and
// which instance runs a periodic job this period. On a single-process store there is nobody to agree with.

export interface ClusterState {
  /** Records `fingerprint` for `setting` when nothing is recorded yet; returns what is recorded now. */
  agree(setting: string, fingerprint: string): Promise<string>;
  /** Replaces the fingerprint of `setting` if it is still `from` (a deliberate change, such as a key rotation). */
  replace(setting: string, from: string, to: string): Promise<boolean>;
  /**
   * Takes `job` for this instance if no instance has taken it within `periodMs` before `now`; true means run it.
   * A taken job whose run then fails waits for the next period: only idempotent housekeeping uses this.
   */
  claimPeriodic(job: string, periodMs: number, now: Date): Promise<boolean>;
}
