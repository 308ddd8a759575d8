// The PostgreSQL schema, one SQL step per version. Frozen once released, like the lowdb migrations: a change is a
// new step. Version 1 holds everything lowdb's schema 4 holds (IMAP fields live in the records' jsonb).

const record = (table: string, id: 'bigint' | 'text', columns = '') => `
  CREATE TABLE ${table} (
    id ${id} PRIMARY KEY,
    seq bigserial NOT NULL,
    doc jsonb NOT NULL${columns}
  );
  CREATE INDEX ${table}_seq ON ${table} (seq);`;

// Foreign keys are checked at commit (DEFERRABLE INITIALLY DEFERRED), so a transaction may write an SR's children
// in any order, as it can on lowdb.
const sr = 'REFERENCES requests (id) DEFERRABLE INITIALLY DEFERRED';

export const PG_MIGRATIONS: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'Every collection as a table: the record in jsonb plus a column for each field a query uses',
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      ${record(
        'requests',
        'bigint',
        `,
        status text NOT NULL, status_lc text NOT NULL, assignee_lc text, has_new_reply boolean NOT NULL,
        title text COLLATE "C" NOT NULL, priority_rank int NOT NULL, created_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL, search text NOT NULL`,
      )}
      CREATE INDEX requests_status ON requests (status_lc, id);
      CREATE INDEX requests_assignee ON requests (assignee_lc, id);
      CREATE INDEX requests_title ON requests (title, id);
      CREATE INDEX requests_priority ON requests (priority_rank, id);
      CREATE INDEX requests_created ON requests (created_at, id);
      CREATE INDEX requests_updated ON requests (updated_at, id);
      CREATE INDEX requests_search ON requests USING gin (search gin_trgm_ops);

      ${record('notes', 'text', `, request_id bigint NOT NULL ${sr}, message_id text`)}
      CREATE INDEX notes_request ON notes (request_id, seq);
      CREATE INDEX notes_message ON notes USING hash (message_id);

      ${record('attachments', 'text', `, request_id bigint NOT NULL ${sr}, note_id text`)}
      CREATE INDEX attachments_request ON attachments (request_id, seq);
      CREATE INDEX attachments_note ON attachments (note_id);

      ${record('history', 'text', `, request_id bigint NOT NULL ${sr}, note_id text`)}
      CREATE INDEX history_request ON history (request_id, seq);
      CREATE INDEX history_note ON history (note_id);

      ${record(
        'outbound_emails',
        'bigint',
        `, request_id bigint NOT NULL ${sr}, account_id text NOT NULL,
        message_id text NOT NULL, conversation_id text, status text NOT NULL, attempted_at text COLLATE "C",
        queued_at text COLLATE "C" NOT NULL`,
      )}
      CREATE INDEX outbound_request ON outbound_emails (request_id, seq);
      CREATE INDEX outbound_message ON outbound_emails USING hash (message_id);
      CREATE INDEX outbound_conversation ON outbound_emails (conversation_id);
      CREATE INDEX outbound_unfinished ON outbound_emails (id) WHERE status IN ('queued', 'sending');
      CREATE INDEX outbound_attempted ON outbound_emails (account_id, attempted_at);
      CREATE INDEX outbound_queued ON outbound_emails (queued_at);

      ${record(
        'mail_center',
        'text',
        `, mailbox text NOT NULL, state text NOT NULL, reason text NOT NULL, message_id text,
        received_at text COLLATE "C" NOT NULL, created_at text COLLATE "C" NOT NULL, resolved_note_id text, search text NOT NULL`,
      )}
      CREATE INDEX mail_center_list ON mail_center (received_at DESC, created_at DESC, id DESC);
      CREATE INDEX mail_center_state ON mail_center (state, reason, received_at DESC);
      CREATE INDEX mail_center_mailbox ON mail_center (mailbox, state, reason);
      CREATE INDEX mail_center_message ON mail_center USING hash (message_id);
      CREATE INDEX mail_center_created ON mail_center (created_at);
      CREATE INDEX mail_center_resolved ON mail_center (resolved_note_id);
      CREATE INDEX mail_center_search ON mail_center USING gin (search gin_trgm_ops);

      -- The exactly-once ledger. Its ids and Message-IDs may exceed a btree entry, so both keys are sha256 hashes.
      CREATE TABLE processed_messages (
        id_hash bytea PRIMARY KEY,
        seq bigserial NOT NULL,
        doc jsonb NOT NULL,
        account_id text NOT NULL,
        mailbox text NOT NULL,
        message_hash bytea,
        after_step text NOT NULL,
        processed_at text COLLATE "C" NOT NULL,
        note_id text,
        UNIQUE (mailbox, message_hash)
      );
      CREATE INDEX processed_seq ON processed_messages (seq);
      CREATE INDEX processed_pending ON processed_messages (account_id, processed_at) WHERE after_step = 'pending';
      CREATE INDEX processed_account ON processed_messages (account_id, processed_at);
      CREATE INDEX processed_note ON processed_messages (note_id);

      ${record('sr_events', 'text')}
      ${record('note_types', 'text')}
      ${record('mail_accounts', 'text')}
      ${record('settings', 'text')}
      ${record('mail_templates', 'text')}
      ${record('rules', 'text')}

    `,
  },
  {
    version: 2,
    description:
      'cluster-sync: leases (one holder per name, a fence that grows with every new holder) and the shared Graph subscriptions',
    sql: `
      CREATE TABLE sm_leases (
        name text PRIMARY KEY,
        holder text NOT NULL,
        fence bigint NOT NULL,
        expires_at timestamptz NOT NULL,
        -- Given back by its holder (as opposed to lapsed: the holder stopped renewing, so it died or froze).
        released boolean NOT NULL DEFAULT false
      );
      -- The subscription a mailbox's owner made, so whichever instance the load balancer picks can check a
      -- notification's clientState (sealed with the desk's secret key, which every instance shares).
      CREATE TABLE sm_subscriptions (
        account_id text PRIMARY KEY,
        subscription_id text NOT NULL,
        client_state_sealed text NOT NULL,
        expires_at text NOT NULL,
        notification_url text NOT NULL,
        owner text NOT NULL
      );
    `,
  },
  {
    version: 3,
    description:
      'cluster-jobs: what the instances sharing the database agree on (fingerprints of shared keys) and when a periodic job last ran',
    sql: `
      CREATE TABLE cluster_state (
        name text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      );
    `,
  },
  {
    version: 4,
    description: 'blobs: the blob hashes records point at, indexed for the orphan blob sweep',
    sql: `
      CREATE INDEX attachments_sha256 ON attachments ((doc->>'sha256'));
      CREATE INDEX notes_original ON notes ((doc->'email'->>'originalRef'));
      CREATE INDEX mail_center_original ON mail_center ((doc->>'originalRef'));
    `,
  },
  {
    version: 5,
    description:
      "store-scale: indexes for the SR list sorts by requester, assignee and status, and for an agent's own SRs",
    // Measured at 100k SRs (scripts/bench/store.ts): sorting by requester, assignee or status read and sorted every
    // row (30 ms); with these the first page and a keyset cursor are an index range (under 1 ms). The expressions
    // are exactly the ORDER BY of postgres-queries.ts (SORT_COLUMNS), or PostgreSQL would not use them.
    // "My SRs, newest first" (and its count, with the status and new-reply filters answered from the index itself)
    // took 12 ms on a bitmap of one agent's 5,000 SRs; the index below makes it 2 ms and replaces (assignee_lc, id).
    sql: `
      CREATE INDEX requests_requester_sort ON requests (((doc->'requester'->>'name') COLLATE "C"), id);
      CREATE INDEX requests_assignee_sort ON requests ((coalesce(doc->'assignee'->>'name', chr(65535)) COLLATE "C"), id);
      CREATE INDEX requests_status_sort ON requests ((status COLLATE "C"), id);
      CREATE INDEX requests_assignee_updated ON requests (assignee_lc, updated_at, id) INCLUDE (status_lc, has_new_reply);
      DROP INDEX requests_assignee;
    `,
  },
  {
    version: 6,
    description:
      'ec-id-keys: the keys that sign EC_ID tokens, shared by every instance (they were a file in each DATA_DIR)',
    // The secret is the secret box's sealed form (jsonb), never plain. The partial unique index allows one active key
    // whatever instances do at once. With the keys in the database every instance holds the same ones, so the
    // fingerprint each recorded to catch a differing key file has nothing left to check.
    sql: `
      CREATE TABLE ec_id_keys (
        kid text PRIMARY KEY,
        secret jsonb NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        retired_at text COLLATE "C"
      );
      CREATE UNIQUE INDEX ec_id_keys_one_active ON ec_id_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
      DELETE FROM cluster_state WHERE name = 'setting:ec-id-signing-key';
    `,
  },
  {
    version: 7,
    description:
      "lease-fence-key: a lease renewal no longer fails the fence checks of the holder's own writes",
    // A sync's writes check their lease's fence with SELECT ... FOR KEY SHARE (postgres-store.ts). That lock, unlike
    // FOR SHARE, lets a row change under a transaction's snapshot as long as no key column changed: with fence made a
    // key column here, the holder's own renewal (expires_at) goes through, and only a takeover (a new fence) fails
    // the write with 40001. Under FOR SHARE every renewal of any lease in a group commit aborted the whole group.
    sql: `
      CREATE UNIQUE INDEX sm_leases_fence ON sm_leases (name, fence);
    `,
  },
  {
    version: 8,
    description:
      'lease-backlog: each instance says how many emails it has waiting, so a busy one can hand some over',
    // On the instance's heartbeat lease (instance:<id>), written by mail/hand-over.ts each second it changes. Not a
    // key column: writing it never disturbs the fence checks (version 7).
    sql: `
      ALTER TABLE sm_leases ADD COLUMN backlog integer;
    `,
  },
];
