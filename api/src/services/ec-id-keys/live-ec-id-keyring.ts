import type { EcIdKey, EcIdKeyring, EcIdPreviousKey } from '../../domain/ec-id.js';
import type { SecretBox } from '../../domain/secret-box.js';
import type { EcIdKeyStore } from '../../ports/ec-id-key-store.js';
import { loadEcIdKeyring, type KeyringPolicy } from './load-ec-id-keyring.js';

export type LiveKeyringOptions = {
  /**
   * How often keys that other instances share are read again (a single process's are read once). Bounds how long after another
   * instance rotates this one still lacks the new key, and when a key gone stale while running is rotated.
   */
  refreshMs: number;
  clock?: () => Date;
  /** A failed refresh keeps the keys already loaded; the next one tries again. */
  onRefreshError?: (error: unknown) => void;
};

/**
 * A keyring that follows the key store: instances sharing a database read the keys again every `refreshMs`, so a key
 * another instance made or rotated verifies here without a restart, and the instance that first finds the active
 * key stale rotates it for all. Tokens only come back in replies, minutes at the least after the email that carried
 * them went out, so a refresh every few seconds is not needed; a reply held meanwhile as "unknown key" verifies when
 * it is reprocessed from the Mail Center.
 */
export class LiveEcIdKeyring implements EcIdKeyring {
  readonly #keys: EcIdKeyStore;
  readonly #secrets: SecretBox;
  readonly #policy: KeyringPolicy;
  readonly #clock: () => Date;
  #keyring: EcIdKeyring;
  #timer: ReturnType<typeof setInterval> | undefined;
  #refreshing: Promise<void> | undefined;

  private constructor(
    keys: EcIdKeyStore,
    secrets: SecretBox,
    policy: KeyringPolicy,
    clock: () => Date,
    keyring: EcIdKeyring,
  ) {
    this.#keys = keys;
    this.#secrets = secrets;
    this.#policy = policy;
    this.#clock = clock;
    this.#keyring = keyring;
  }

  static async open(
    keys: EcIdKeyStore,
    secrets: SecretBox,
    policy: KeyringPolicy,
    options: LiveKeyringOptions,
  ): Promise<LiveEcIdKeyring> {
    const clock = options.clock ?? (() => new Date());
    const keyring = await loadEcIdKeyring(keys, secrets, policy, clock());
    const live = new LiveEcIdKeyring(keys, secrets, policy, clock, keyring);
    if (keys.isShared && options.refreshMs > 0) {
      const onError = options.onRefreshError ?? (() => undefined);
      live.#timer = setInterval(() => live.refresh().catch(onError), options.refreshMs);
      // The keys already loaded keep working; a pending refresh is no reason to keep the process alive.
      live.#timer.unref();
    }
    return live;
  }

  get current(): EcIdKey {
    return this.#keyring.current;
  }

  get previous(): readonly EcIdPreviousKey[] {
    return this.#keyring.previous;
  }

  /** Reads the keys again, rotating the active key if it has gone stale; one read at a time. */
  refresh(): Promise<void> {
    this.#refreshing ??= loadEcIdKeyring(this.#keys, this.#secrets, this.#policy, this.#clock())
      .then((keyring) => {
        this.#keyring = keyring;
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  close(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
