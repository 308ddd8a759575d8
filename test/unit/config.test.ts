import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, listenHost, parseConfig } from '../../api/src/config.js';

const VALID = {
  AAD_APP_CLIENT_ID: '66666666-7777-4888-9999-aaaaaaaaaaaa',
  AAD_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555',
};

describe('config', () => {
  it('applies defaults and freezes the result', () => {
    const result = parseConfig(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      port: 3978,
      dataDir: './.data',
      store: 'lowdb',
      demo: false,
      graph: { mode: 'real', baseUrl: 'https://graph.microsoft.com' },
      mail: { parallel: 32 },
    });
    expect(Object.isFrozen(result.config)).toBe(true);
  });

  it('lists every problem at once, naming each variable', () => {
    const result = parseConfig({
      PORT: 'eighty',
      STORE: 'sqlite',
      SECRET_KEY: Buffer.alloc(8).toString('base64'),
      GRAPH_MODE: 'fake',
      MAIL_PARALLEL: '0',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const name of [
      'PORT',
      'STORE',
      'GRAPH_MODE',
      'MAIL_PARALLEL',
      'AAD_APP_CLIENT_ID',
      'AAD_APP_TENANT_ID',
    ]) {
      expect(result.problems.join('\n')).toContain(name);
    }
  });

  it('treats empty values as unset, as in a copied .env.example', () => {
    const result = parseConfig({ ...VALID, PUBLIC_URL: '', SECRET_KEY: '' });
    expect(result.ok).toBe(true);
  });

  it('requires SECRET_KEY on PostgreSQL outside demo and tests: a key generated per instance would differ', () => {
    const postgres = { ...VALID, STORE: 'postgres', DATABASE_URL: 'postgres://db.internal/desk' };
    const missing = parseConfig({ ...postgres, NODE_ENV: 'production' });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.problems.join('\n')).toMatch(/^SECRET_KEY: .*required with STORE=postgres/m);
    expect(
      parseConfig({ ...postgres, NODE_ENV: 'production', SECRET_KEY: Buffer.alloc(32, 7).toString('base64') })
        .ok,
    ).toBe(true);
    expect(parseConfig({ ...postgres, DEMO: '1' }).ok).toBe(true);
    expect(parseConfig({ ...postgres, NODE_ENV: 'test' }).ok).toBe(true);
    expect(parseConfig({ ...VALID, NODE_ENV: 'production' }).ok).toBe(true);
  });

  // Issue 15 finding 6: ADMIN_UPNS matched preferred_username/email, which Microsoft says not to authorise by.
  it('refuses ADMIN_UPNS at start, saying why and what to use instead', () => {
    const result = parseConfig({ ...VALID, ADMIN_UPNS: 'owner@contoso.test' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/ADMIN_UPNS.*ADMIN_OBJECT_IDS/s);
  });

  it('reads ADMIN_OBJECT_IDS as object ids and refuses other values', () => {
    const ok = parseConfig({ ...VALID, ADMIN_OBJECT_IDS: 'C0FFEE00-1234-4ABC-8DEF-0123456789AB, ' });
    expect(ok.ok && ok.config.auth.adminObjectIds).toEqual(['c0ffee00-1234-4abc-8def-0123456789ab']);
    const bad = parseConfig({ ...VALID, ADMIN_OBJECT_IDS: 'owner@contoso.test' });
    expect(bad.ok).toBe(false);
  });

  it('listens on 127.0.0.1 in demo mode unless HOST is set, and on every interface otherwise', () => {
    const host = (env: Record<string, string>) => {
      const result = parseConfig({ ...VALID, ...env });
      if (!result.ok) throw new Error(result.problems.join('; '));
      return listenHost(result.config);
    };
    expect(host({ DEMO: '1' })).toBe('127.0.0.1');
    expect(host({ DEMO: '1', HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(host({})).toBeUndefined();
  });

  it('keeps attachment bytes in files by default, in memory with STORE=memory, and in Azure only with a connection string', () => {
    const blobs = (env: Record<string, string>) => {
      const result = parseConfig({ ...VALID, ...env });
      if (!result.ok) throw new Error(result.problems.join('; '));
      return result.config.blobs;
    };
    expect(blobs({})).toEqual({ kind: 'file', orphanGraceMs: 3_600_000, sweepIntervalMs: 3_600_000 });
    expect(blobs({ STORE: 'memory' }).kind).toBe('memory');
    const secret =
      'DefaultEndpointsProtocol=https;AccountName=desk;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net';
    expect(
      blobs({ BLOB_STORE: 'azure', AZURE_STORAGE_CONNECTION_STRING: secret, BLOB_ORPHAN_GRACE_MIN: '90' }),
    ).toMatchObject({
      kind: 'azure',
      azure: { connectionString: secret, container: 'attachments' },
      orphanGraceMs: 90 * 60_000,
    });
    const missing = parseConfig({ ...VALID, BLOB_STORE: 'azure', AZURE_STORAGE_CONTAINER: 'Bad_Name' });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.problems.join('\n')).toMatch(/AZURE_STORAGE_CONNECTION_STRING: BLOB_STORE=azure needs/);
    expect(missing.problems.join('\n')).toMatch(/AZURE_STORAGE_CONTAINER: .*lower-case/);
    // A bad value is named, never echoed: the connection string is a secret.
    const badGrace = parseConfig({
      ...VALID,
      BLOB_STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: secret,
      BLOB_SWEEP_INTERVAL_MIN: '0',
    });
    expect(!badGrace.ok && badGrace.problems.join('\n')).not.toContain('c2VjcmV0');
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(CONFIG_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });
});
