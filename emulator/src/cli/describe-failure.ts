// Why a command-line call to the emulator failed, in one line a person can act on.

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', 'ETIMEDOUT']);
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

export function describeFailure(error: unknown, where: { baseUrl: string; caFile: string }): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return `No M365 emulator answers at ${where.baseUrl} (${code}). Is npm start running? Set PORT and EMULATOR_PORT (or EMULATOR_URL) to what npm start printed.`;
  }
  if (typeof code === 'string' && UNTRUSTED.has(code)) {
    return `The emulator at ${where.baseUrl} is not trusted: its certificate ${where.caFile} is missing or from another run (set DATA_DIR as for npm start, or EMULATOR_CA_FILE).`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `demo:reply failed: ${message.replace(/\s+/g, ' ').trim()}`;
}
