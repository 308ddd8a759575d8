import type { Runtime } from '../../api/src/compose.js';

/**
 * Resolves, per SR, the moment its first note became visible (committed), by polling the store every few ms. The
 * poll is a read of the committed snapshot: what the API would serve.
 */
export async function waitForNotes(
  runtime: Runtime,
  requestIds: readonly number[],
  timeoutMs: number,
): Promise<Map<number, number>> {
  const seen = new Map<number, number>();
  const wanted = new Set(requestIds);
  const deadline = Date.now() + timeoutMs;
  while (seen.size < wanted.size && Date.now() < deadline) {
    const filed = await runtime.services.store.read(async (tx) =>
      (await Promise.all([...wanted].map((id) => tx.collection('notes').ofRequest(id)))).flat(),
    );
    const now = Date.now();
    for (const note of filed) if (!seen.has(note.requestId)) seen.set(note.requestId, now);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return seen;
}
