/** Waits the configured latency knob; 0 answers at once (no timer turn), as most tests want. */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
