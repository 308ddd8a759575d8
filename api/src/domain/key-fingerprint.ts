import { createHash } from 'node:crypto';

// Fingerprints of keys every instance of a cluster must hold alike, recorded in the shared database so an instance
// with a different key is refused at start. The keys are 32 random bytes, so a sha256 of them reveals nothing; the
// label keeps a fingerprint of one kind of key from ever equalling another's, should a second kind need one.

const fingerprint = (label: string, ...parts: string[]): string =>
  createHash('sha256')
    .update([`service-messaging ${label}`, ...parts].join('\n'))
    .digest('base64url');

export const secretKeyFingerprint = (key: Buffer): string =>
  fingerprint('secret key', key.toString('base64'));
