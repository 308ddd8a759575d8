import type { StoreData } from './store-data.js';

/**
 * One step of the schema. `up` changes the data in place from `version - 1` to `version`. A migration is
 * frozen once released: later changes get a new migration, never an edit of an old one, because databases
 * in the field have already run it.
 */
export type Migration = {
  version: number;
  description: string;
  up(data: StoreData): void;
};

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Create every collection and the sequences',
    up(data) {
      // The list as it was at version 1; collections added later are created by their own migration.
      for (const name of [
        'requests',
        'notes',
        'attachments',
        'history',
        'noteTypes',
        'mailAccounts',
        'settings',
      ]) {
        data.collections[name] ??= [];
      }
      data.sequences ??= {};
    },
  },
  {
    version: 2,
    description:
      'Create the mail collections: outbound emails, Mail Center, processed-message ledger, templates, rules',
    up(data) {
      for (const name of ['outboundEmails', 'mailCenter', 'processedMessages', 'mailTemplates', 'rules']) {
        data.collections[name] ??= [];
      }
    },
  },
  {
    version: 3,
    description: 'Create the SR event outbox that rules consume',
    up(data) {
      data.collections['srEvents'] ??= [];
    },
  },
  {
    version: 4,
    description:
      'Mail accounts get a transport: every existing account is a Graph account, with the IMAP/SMTP defaults',
    up(data) {
      // The literal values of this release (a migration is frozen), not the live defaults.
      for (const account of (data.collections['mailAccounts'] ?? []) as Array<Record<string, unknown>>) {
        account['transport'] ??= 'graph';
        account['incomingSecurity'] ??= account['incomingPort'] === 993 ? 'tls' : 'starttls';
        account['outgoingSecurity'] ??= account['outgoingPort'] === 465 ? 'tls' : 'starttls';
        account['authMethod'] ??= 'oauth2';
        account['oauthScope'] ??= 'https://outlook.office365.com/.default';
      }
    },
  },
];

/** Thrown when the data is from a newer version of the code, which may have changed it in ways we cannot read. */
export class SchemaTooNewError extends Error {
  constructor(found: number, supported: number) {
    super(
      `its schema version ${found} is newer than this version of Service Messaging supports (${supported}); upgrade the app, or restore a backup made by this version.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Runs the pending migrations in order, in place, and returns the ones it ran. */
export function migrate(data: StoreData, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(
        `Migrations must be numbered 1, 2, 3 ... in order; found ${m.version} at position ${i + 1}.`,
      );
  });
  const latest = migrations.length;
  if (data.schemaVersion > latest) throw new SchemaTooNewError(data.schemaVersion, latest);
  const pending = migrations.slice(data.schemaVersion);
  for (const migration of pending) {
    migration.up(data);
    data.schemaVersion = migration.version;
  }
  return pending;
}
