import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// One CA for every suite: NODE_EXTRA_CA_CERTS is read once per process, so all test emulators share it.
export const testCaDir = join(fileURLToPath(new URL('../..', import.meta.url)), '.data', 'test-ca');
export const testSigningKeysFile = join(testCaDir, 'signing-keys.json');
