import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SchemaTooNewError, migrate, type Migration } from '../../../api/src/store/migrations.js';
import { COLLECTION_NAMES, newStoreData } from '../../../api/src/store/store-data.js';

describe('migrate', () => {
  it('brings a new database to the latest version with every collection the code knows', () => {
    const data = newStoreData();
    const applied = migrate(data);
    expect(applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(data.schemaVersion).toBe(MIGRATIONS.length);
    for (const name of COLLECTION_NAMES) expect(data.collections[name]).toEqual([]);
    expect(data.sequences).toEqual({});
  });

  it('runs only the pending migrations, in order', () => {
    const ran: number[] = [];
    const migrations: Migration[] = [1, 2, 3].map((version) => ({
      version,
      description: `step ${version}`,
      up: () => void ran.push(version),
    }));
    const data = { ...newStoreData(), schemaVersion: 1 };
    expect(migrate(data, migrations).map((m) => m.version)).toEqual([2, 3]);
    expect(ran).toEqual([2, 3]);
    expect(data.schemaVersion).toBe(3);
    expect(migrate(data, migrations)).toEqual([]);
  });

  it('refuses data from a newer version of the code', () => {
    const data = { ...newStoreData(), schemaVersion: MIGRATIONS.length + 1 };
    expect(() => migrate(data)).toThrow(SchemaTooNewError);
    expect(() => migrate(data)).toThrow(
      `schema version ${MIGRATIONS.length + 1} is newer than this version of Service Messaging supports (${MIGRATIONS.length})`,
    );
  });

  it('refuses a list of migrations with a gap, which would skip a step', () => {
    const noop = () => undefined;
    expect(() =>
      migrate(newStoreData(), [
        { version: 1, description: 'a', up: noop },
        { version: 3, description: 'b', up: noop },
      ]),
    ).toThrow(/numbered 1, 2, 3/);
  });

  it('makes every mail account of a version-3 database a Graph account, with security read from its ports', () => {
    const data = { ...newStoreData(), schemaVersion: 3 };
    data.collections.mailAccounts = [
      { id: 'a', emailAddress: 'desk@contoso.test', incomingPort: 143, outgoingPort: 587 },
      { id: 'b', emailAddress: 'old@contoso.test', incomingPort: 993, outgoingPort: 465 },
    ] as never;
    migrate(data);
    expect(data.collections.mailAccounts).toEqual([
      expect.objectContaining({
        id: 'a',
        transport: 'graph',
        incomingSecurity: 'starttls',
        outgoingSecurity: 'starttls',
        authMethod: 'oauth2',
        oauthScope: 'https://outlook.office365.com/.default',
      }),
      expect.objectContaining({
        id: 'b',
        transport: 'graph',
        incomingSecurity: 'tls',
        outgoingSecurity: 'tls',
      }),
    ]);
  });
});
