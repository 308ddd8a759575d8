import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../../api/src/store/lowdb-store.js';
import { MIGRATIONS, type Migration } from '../../../api/src/store/migrations.js';
import type { Store } from '../../../api/src/ports/store.js';
import { StoreOpenError } from '../../../api/src/store/store-open-error.js';
import { aRequest, defineStoreContract } from '../../unit/store/store-contract.js';
import { allRecords } from '../../support/store-records.js';
import { defineStoreQueryContract } from '../../unit/store/store-query-contract.js';

const contractDir = await mkdtemp(join(tmpdir(), 'sm-lowdb-contract-'));
let contractFiles = 0;
defineStoreContract('lowdb', () => openLowdbStore({ file: join(contractDir, `db-${++contractFiles}.json`) }));
defineStoreQueryContract('lowdb', () =>
  openLowdbStore({ file: join(contractDir, `db-${++contractFiles}.json`) }),
);
afterAll(() => rm(contractDir, { recursive: true, force: true }));

describe('lowdb store on disk', () => {
  let dir: string;
  let file: string;
  const opened: Store[] = [];
  const open = async (migrations?: readonly Migration[]) => {
    const store = await openLowdbStore({ file, migrations });
    opened.push(store);
    return store;
  };
  const fileContent = async () =>
    JSON.parse(await readFile(file, 'utf8')) as {
      schemaVersion: number;
      collections: Record<string, unknown[]>;
      sequences: Record<string, number>;
    };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sm-lowdb-'));
    file = join(dir, 'data', 'db.json');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('starts a new database when the file is missing, creating its folder, at the latest schema version', async () => {
    const store = await open();
    expect(await store.read((tx) => tx.collection('requests').count())).toBe(0);
    const content = await fileContent();
    expect(content.schemaVersion).toBe(MIGRATIONS.length);
    expect(content.collections.requests).toEqual([]);
  });

  it('has written the file when a transaction resolves', async () => {
    const store = await open();
    await store.transact(async (tx) => {
      await tx.collection('requests').insert(aRequest(1));
      await tx.nextSequence('requests');
    });
    const content = await fileContent();
    expect(content.collections.requests).toEqual([aRequest(1)]);
    expect(content.sequences).toEqual({ requests: 1 });
  });

  it('after reopening, has what was committed and nothing that was rolled back', async () => {
    const first = await open();
    await first.transact(async (tx) => {
      await tx.collection('requests').insert(aRequest(1));
      await tx
        .collection('noteTypes')
        .insert({ id: 'PUBLIC', code: 'PUBLIC', name: 'Public', accessLevel: 'User' });
    });
    await first.transact((tx) => tx.collection('requests').delete(1));
    await first.transact((tx) => tx.collection('requests').insert(aRequest(2)));
    await expect(
      first.transact(async (tx) => {
        await tx.collection('requests').insert(aRequest(3));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await first.close();

    const second = await open();
    const seen = await second.read(async (tx) => ({
      requests: await allRecords(tx, 'requests'),
      publicType: await tx.collection('noteTypes').get('PUBLIC'),
    }));
    expect(seen).toEqual({
      requests: [aRequest(2)],
      publicType: { id: 'PUBLIC', code: 'PUBLIC', name: 'Public', accessLevel: 'User' },
    });
  });

  it('continues sequences across a reopen, never handing out a number twice', async () => {
    const first = await open();
    await first.transact(async (tx) => [
      await tx.nextSequence('requests'),
      await tx.nextSequence('requests'),
    ]);
    const rolledBack = first.transact(async (tx) => {
      await tx.nextSequence('requests');
      throw new Error('rolled back');
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    await first.close();
    const second = await open();
    expect(await second.transact((tx) => tx.nextSequence('requests'))).toBe(3);
  });

  describe('a file it cannot understand stops start-up, names the file, and is left exactly as it was', () => {
    const unreadable: [string, string][] = [
      ['not JSON', 'this is not a database'],
      ['truncated JSON', '{"schemaVersion": 1, "collections": {"requests": [{"id": 1'],
      ['an empty file', ''],
      ['JSON null', 'null'],
      ['a JSON list', '[]'],
      ['an object without schemaVersion', '{"requests": []}'],
      [
        'collections that are not lists',
        '{"schemaVersion": 1, "collections": {"requests": 5}, "sequences": {}}',
      ],
      [
        'a record without an id',
        '{"schemaVersion": 1, "collections": {"requests": [{"title": "x"}]}, "sequences": {}}',
      ],
      [
        'two records with one id',
        '{"schemaVersion": 1, "collections": {"requests": [{"id": 1}, {"id": 1}]}, "sequences": {}}',
      ],
      [
        'a sequence that is not a count',
        '{"schemaVersion": 1, "collections": {}, "sequences": {"requests": "7"}}',
      ],
    ];
    it.each(unreadable)('%s', async (_case, content) => {
      await mkdir(join(dir, 'data'));
      await writeFile(file, content);
      const before = await readFile(file);
      const opening = openLowdbStore({ file });
      await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
      await expect(opening).rejects.toThrow(file);
      await expect(opening).rejects.toMatchObject({ file });
      expect(await readFile(file)).toEqual(before);
      expect(await readdir(join(dir, 'data'))).toEqual(['db.json']);
    });

    it('a path that is a folder, not a file', async () => {
      await mkdir(file, { recursive: true });
      await expect(openLowdbStore({ file })).rejects.toThrow(
        new RegExp(`Cannot open the database ${file}: it cannot be read`),
      );
    });
  });

  it('refuses a database written by a newer version, leaving it untouched', async () => {
    await mkdir(join(dir, 'data'));
    await writeFile(
      file,
      JSON.stringify({ schemaVersion: MIGRATIONS.length + 1, collections: {}, sequences: {} }),
    );
    const before = await readFile(file);
    const opening = openLowdbStore({ file });
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(opening).rejects.toThrow(
      `schema version ${MIGRATIONS.length + 1} is newer than this version of Service Messaging supports (${MIGRATIONS.length})`,
    );
    await expect(opening).rejects.toThrow(file);
    expect(await readFile(file)).toEqual(before);
  });

  it('runs a pending migration once, persists it, and keeps a copy of the file as it was', async () => {
    const first = await open();
    await first.transact((tx) => tx.collection('requests').insert(aRequest(1)));
    await first.close();
    const beforeMigration = await readFile(file);

    let runs = 0;
    const withVersion2: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        description: 'Give every request a priority of High',
        up(data) {
          runs += 1;
          data.collections.requests = (data.collections.requests ?? []).map((r) => ({
            ...r,
            priority: 'High',
          }));
        },
      },
    ];
    const migrated = await open(withVersion2);
    expect((await migrated.read((tx) => tx.collection('requests').get(1)))?.priority).toBe('High');
    await migrated.close();
    expect((await fileContent()).schemaVersion).toBe(MIGRATIONS.length + 1);
    expect(await readFile(`${file}.schema-v${MIGRATIONS.length}.bak`)).toEqual(beforeMigration);

    await (await open(withVersion2)).close();
    expect(runs).toBe(1);
  });

  it('a migration that fails leaves the file untouched and stops start-up', async () => {
    await (await open()).close();
    const before = await readFile(file);
    const failing: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        description: 'broken',
        up: () => {
          throw new Error('cannot split names');
        },
      },
    ];
    await expect(openLowdbStore({ file, migrations: failing })).rejects.toThrow(/cannot split names/);
    expect(await readFile(file)).toEqual(before);
  });
});
