// What the instances sharing one database agree on: the fingerprint of the key every instance must hold alike, and
// which instance runs a periodic job this period. On a single-process store there is nobody to agree with.

export interface ClusterState {
  /** Records `fingerprint` for `setting` when nothing is recorded yet; returns what is recorded now. */
  agree(setting: string, fingerprint: string): Promise<string>;
  /**
   * Takes `job` for this instance if no instance has taken it within `periodMs` before `now`; true means run it.
   * A taken job whose run then fails waits for the next period: only idempotent housekeeping uses this.
   */
  claimPeriodic(job: string, periodMs: number, now: Date): Promise<boolean>;
}
