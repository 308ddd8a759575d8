import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type PublicJwk = {
  kty: string;
  use: 'sig';
  kid: string;
  x5t: string;
  n: string;
  e: string;
  alg: 'RS256';
};

type StoredKey = { kid: string; pem: string };
type StoredKeys = { current: StoredKey; next: StoredKey | null; retiredKids: string[] };

/**
 * The token signing keys, kept in the data dir. Like Entra, the JWKS also lists the *next* key before it signs
 * anything, so a verifier's cached key set keeps working across a rotation. Rotation ("expire every token now")
 * retires the current key: tokens it signed stop verifying everywhere, and Graph reports them as expired.
 */
export class SigningKeys {
  private state: StoredKeys;
  private closed = false;
  // Parsing a PEM costs milliseconds; every Graph request checks a token, so each kid's key objects are kept.
  private readonly keyObjects = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>();

  /** Writes a complete key file (current and next) if there is none; lets tests share one instead of generating keys. */
  static ensureFile(file: string): void {
    if (existsSync(file)) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({ current: newKeySync(), next: newKeySync(), retiredKids: [] } satisfies StoredKeys),
      { mode: 0o600 },
    );
  }

  constructor(private readonly file: string) {
    this.state = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as StoredKeys)
      : { current: newKeySync(), next: null, retiredKids: [] };
    this.save();
    this.prepareNext();
  }

  get currentKid(): string {
    return this.state.current.kid;
  }

  get currentPrivateKey(): KeyObject {
    return this.keyObjectsOf(this.state.current).privateKey;
  }

  /** The public key for a kid that may still verify, or undefined. */
  publicKey(kid: string): KeyObject | undefined {
    const key = this.published().find((k) => k.kid === kid);
    return key ? this.keyObjectsOf(key).publicKey : undefined;
  }

  isRetired(kid: string): boolean {
    return this.state.retiredKids.includes(kid);
  }

  jwks(): { keys: PublicJwk[] } {
    return { keys: this.published().map(toPublicJwk) };
  }

  rotate(): void {
    this.state = {
      current: this.state.next ?? newKeySync(),
      next: null,
      retiredKids: [...this.state.retiredKids, this.state.current.kid].slice(-50),
    };
    this.save();
    this.prepareNext();
  }

  close(): void {
    this.closed = true;
  }

  private keyObjectsOf(key: StoredKey): { privateKey: KeyObject; publicKey: KeyObject } {
    let objects = this.keyObjects.get(key.kid);
    if (!objects) {
      const privateKey = createPrivateKey(key.pem);
      objects = { privateKey, publicKey: createPublicKey(privateKey) };
      this.keyObjects.set(key.kid, objects);
    }
    return objects;
  }

  private published(): StoredKey[] {
    return this.state.next ? [this.state.current, this.state.next] : [this.state.current];
  }

  // RSA key generation takes 0.1-1.5 s; the next key is made off the event loop.
  private prepareNext(): void {
    if (this.state.next) return;
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, _publicKey, privateKey) => {
      if (error || this.state.next || this.closed) return;
      this.state.next = storedKey(privateKey);
      this.save();
    });
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.state), { mode: 0o600 });
  }
}

function newKeySync(): StoredKey {
  return storedKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}

function storedKey(privateKey: KeyObject): StoredKey {
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Entra's kids are the base64url SHA-1 thumbprint of the signing certificate (27 chars); this is of the key.
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { kid: createHash('sha1').update(der).digest('base64url'), pem };
}

function toPublicJwk(key: StoredKey): PublicJwk {
  const jwk = createPublicKey(createPrivateKey(key.pem)).export({ format: 'jwk' });
  return {
    kty: 'RSA',
    use: 'sig',
    kid: key.kid,
    x5t: key.kid,
    n: String(jwk.n),
    e: String(jwk.e),
    alg: 'RS256',
  };
}
