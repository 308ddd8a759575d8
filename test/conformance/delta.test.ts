import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGraphTarget, type GraphTarget } from '../support/emulator-graph-target.js';
import {
  announceTarget,
  createMessages,
  emulatorOnly,
  graphFailure,
  itMatchesTheSchemas,
  newFolder,
} from '../support/emulator-conformance.js';

type Item = Record<string, unknown> & { id: string; '@removed'?: { reason: string }; isRead?: boolean };
type DeltaPage = { value: Item[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };

announceTarget('delta');
const PAGE = 'odata.maxpagesize=5';

// docs/graph-behaviour.md §5 and case C21: folder delta with nextLink/deltaLink rounds, @removed, expiry.
describe('Graph mail: delta query for a folder', () => {
  let t: GraphTarget;
  let mb: string;
  beforeAll(async () => {
    t = await openGraphTarget();
    mb = t.mailbox;
  });
  afterAll(() => t.close());

  /** Follows nextLinks to the deltaLink; returns everything seen and the pages' sizes. */
  const round = async (
    start: string,
    between?: (pageIndex: number) => Promise<void>,
  ): Promise<{ items: Item[]; deltaLink: string; pages: number[] }> => {
    const items: Item[] = [];
    const pages: number[] = [];
    let link = start;
    for (let i = 0; i < 50; i += 1) {
      const page = (await t.graph.api(link).header('Prefer', PAGE).get()) as DeltaPage;
      items.push(...page.value);
      pages.push(page.value.length);
      if (page['@odata.deltaLink']) return { items, deltaLink: page['@odata.deltaLink'], pages };
      expect(page['@odata.nextLink']).toMatch(/^https:\/\/.*(\$|%24)skiptoken=/);
      link = page['@odata.nextLink']!;
      await between?.(i);
    }
    throw new Error('delta did not finish');
  };

  it('syncs a folder in pages (absolute $skiptoken links) and then reports creates, updates, moves out and deletes', async () => {
    const [folder, elsewhere] = [await newFolder(t, 'delta'), await newFolder(t, 'delta elsewhere')];
    const created = await createMessages(t.graph, mb, folder, 12, { isRead: false });
    const first = await round(`/users/${mb}/mailFolders/${folder}/messages/delta`);
    expect(first.pages).toEqual([5, 5, 2]);
    expect(first.deltaLink).toMatch(/^https:\/\/.*(\$|%24)deltatoken=/);
    expect(new Set(first.items.map((m) => m.id))).toEqual(new Set(created.map((m) => m.id)));

    const [added] = await createMessages(t.graph, mb, folder, 1);
    await t.graph.api(`/users/${mb}/messages/${created[0]!.id}`).patch({ isRead: true });
    await t.graph.api(`/users/${mb}/messages/${created[1]!.id}/move`).post({ destinationId: elsewhere });
    await t.graph.api(`/users/${mb}/messages/${created[2]!.id}`).delete();
    const second = await round(first.deltaLink);
    const byId = new Map(second.items.map((m) => [m.id, m]));
    expect(byId.get(added!.id)).toBeDefined();
    expect(byId.get(created[0]!.id)).toMatchObject({ isRead: true });
    for (const gone of [created[1]!.id, created[2]!.id]) {
      expect(byId.get(gone)).toMatchObject({
        '@removed': { reason: expect.stringMatching(/^(deleted|changed)$/) },
      });
    }
    const third = await round(second.deltaLink);
    expect(third.items).toEqual([]);
  });

  it('a change made while paging is not lost: it shows up in the next round', async () => {
    const folder = await newFolder(t, 'delta paging');
    const created = await createMessages(t.graph, mb, folder, 12, { isRead: false });
    const last = created.at(-1)!;
    const first = await round(`/users/${mb}/mailFolders/${folder}/messages/delta`, async (page) => {
      if (page === 0) await t.graph.api(`/users/${mb}/messages/${last.id}`).patch({ isRead: true });
    });
    const second = await round(first.deltaLink);
    const latest = [...first.items, ...second.items].filter((m) => m.id === last.id).at(-1);
    expect(latest).toMatchObject({ isRead: true });
    expect(new Set([...first.items, ...second.items].map((m) => m.id))).toEqual(
      new Set(created.map((m) => m.id)),
    );
  });

  it('C21: isRead cannot filter a delta; receivedDateTime ge can', async () => {
    const folder = await newFolder(t, 'delta filter');
    await createMessages(t.graph, mb, folder, 2);
    const rejected = await graphFailure(
      t.graph.api(`/users/${mb}/mailFolders/${folder}/messages/delta`).filter('isRead eq false').get(),
    );
    expect(rejected.statusCode).toBe(400);
    if (!t.live) expect(rejected.code).toBe('ErrorInvalidUrlQuery');
    const filtered = await round(
      `/users/${mb}/mailFolders/${folder}/messages/delta?$filter=receivedDateTime ge 2000-01-01T00:00:00Z`,
    );
    expect(filtered.items).toHaveLength(2);
  });

  it.skipIf(emulatorOnly())(
    'C21: an evicted delta token answers 410 syncStateNotFound with a Location for a fresh sync',
    async () => {
      const folder = await newFolder(t, 'delta expiry');
      await createMessages(t.graph, mb, folder, 3);
      const first = await round(`/users/${mb}/mailFolders/${folder}/messages/delta`);
      expect((await t.emulator!.control('POST', '/delta/expire')).status).toBe(204);
      const expired = await t.fetchGraph(first.deltaLink);
      expect(expired.status).toBe(410);
      expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('syncStateNotFound');
      const fresh = await round(expired.headers.get('location')!);
      expect(fresh.items).toHaveLength(3);
    },
  );

  itMatchesTheSchemas(() => t.emulator?.exchanges ?? []);
});
