import { ensureCertificates } from '../../emulator/src/certs/ensure-certificates.js';
import { SigningKeys } from '../../emulator/src/entra/signing-keys.js';
import { buildFrontEnds } from './build-front-ends.js';
import { testCaDir, testSigningKeysFile } from './emulator-ca.js';
import { mailServersUnavailable } from './mail-servers/start-mail-servers.js';

// One place for work every suite shares (building front ends, the emulator's CA); each issue adds its step.
export default function setup(): void {
  // Node reads NODE_EXTRA_CA_CERTS only at process start; Vitest forks its workers after global setup with this
  // process's env, so the workers trust the emulator's CA (test/conformance/entra.test.ts checks that).
  process.env.NODE_EXTRA_CA_CERTS = ensureCertificates(testCaDir).caCertFile;
  // RSA key generation costs up to a second; test emulators start from one shared pair of signing keys.
  SigningKeys.ensureFile(testSigningKeysFile);
  buildFrontEnds();
  // The IMAP/SMTP suites need real Dovecot and Postfix; say once, up front, why they will not run and how to fix it.
  const imap = mailServersUnavailable();
  if (imap) console.warn(`\nIMAP/SMTP tests will not run: ${imap}\n`);
}
