import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { expect, it } from 'vitest';
import { checkRecordedBodies } from './emulator-schema-check.js';
import type { RecordedExchange } from '../../emulator/src/index.js';
import { isLive, liveSkipReason, type GraphTarget } from './emulator-graph-target.js';

/** Prints, once per file, where the suite runs and why live-only or emulator-only cases are skipped. */
export function announceTarget(file: string): void {
  const reason = liveSkipReason();
  console.info(
    reason
      ? `[${file}] ${reason}; live-only checks are skipped.`
      : `[${file}] GRAPH_LIVE=1: running against the real tenant; emulator-only cases are skipped (they need the control API).`,
  );
}

export const emulatorOnly = (): boolean => isLive();

/** The status and Graph code of a failed SDK call. */
export async function graphFailure(
  call: Promise<unknown>,
): Promise<{ statusCode: number; code: string | null; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GraphError)
      return { statusCode: error.statusCode, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('Expected the Graph call to fail, but it succeeded');
}

/** A fresh folder under the mailbox root, so each case starts empty (live-safe: nothing else is touched). */
export async function newFolder(t: GraphTarget, label: string): Promise<string> {
  const folder = (await t.graph
    .api(`/users/${t.mailbox}/mailFolders`)
    .post({ displayName: `conformance ${label} ${Date.now()}` })) as { id: string };
  return folder.id;
}

export type Created = { id: string; internetMessageId: string; subject: string };

/** Creates messages directly in a folder (drafts, which works on a live tenant too). */
export async function createMessages(
  graph: Client,
  mailbox: string,
  folderId: string,
  count: number,
  fields: Record<string, unknown> = {},
): Promise<Created[]> {
  const created: Created[] = [];
  for (let i = 0; i < count; i += 1) {
    created.push(
      (await graph.api(`/users/${mailbox}/mailFolders/${folderId}/messages`).post({
        subject: `Conformance message ${i + 1}`,
        body: { contentType: 'Text', content: `Body ${i + 1}` },
        toRecipients: [{ emailAddress: { address: 'alex@fabrikam.test' } }],
        ...fields,
      })) as Created,
    );
  }
  return created;
}

/** The last test of each conformance file: every recorded message/attachment/mailFolder/subscription body is schema-valid. */
export function itMatchesTheSchemas(exchanges: () => readonly RecordedExchange[]): void {
  it.skipIf(isLive())(
    'every recorded Graph body matches the official schemas and carries no unknown property',
    () => {
      const { checked, problems } = checkRecordedBodies(exchanges());
      expect(checked).toBeGreaterThan(0);
      expect(problems.slice(0, 8)).toEqual([]);
    },
  );
}
