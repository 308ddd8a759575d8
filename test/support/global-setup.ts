import { ensureCertificates } from '../../emulator/src/certs/ensure-certificates.js';
import { SigningKeys } from '../../emulator/src/entra/signing-keys.js';
import { buildFrontEnds } from './build-front-ends.js';
import { testCaDir, testSigningKeysFile } from './emulator-ca.js';
import { mailServersUnavailable } from './mail-servers/start-mail-servers.js';
import { TEST_POSTGRES_ENV } from './postgres-database.js';
import { findPostgresServer } from './postgres-server.js';

// One place for work every suite shares (building front ends, the emulator's CA); each issue adds its step.
export default async function setup(): Promise<() => Promise<void>> {
  // Node reads NODE_EXTRA_CA_CERTS only at process start; Vitest forks its workers after global setup with this
  // process's env, so the workers trust the emulator's CA (test/conformance/entra.test.ts checks that).
  process.env.NODE_EXTRA_CA_CERTS = ensureCertificates(testCaDir).caCertFile;
  // RSA key generation costs up to a second; test emulators start from one shared pair of signing keys.
  SigningKeys.ensureFile(testSigningKeysFile);
  buildFrontEnds();
  // The IMAP/SMTP suites need real Dovecot and Postfix; say once, up front, why they will not run and how to fix it.
  const imap = mailServersUnavailable();
  if (imap) console.warn(`\nIMAP/SMTP tests will not run: ${imap}\n`);
  // The PostgreSQL suites never skip: a server is found (DATABASE_URL, then 127.0.0.1:5432) or started (embedded).
  const postgres = await findPostgresServer();
  process.env[TEST_POSTGRES_ENV] = postgres.url;
  if (postgres.source === 'embedded')
    console.warn(
      '\nPostgreSQL suites use an embedded PostgreSQL (no DATABASE_URL, nothing at 127.0.0.1:5432).\n',
    );
  return () => postgres.stop();
}
