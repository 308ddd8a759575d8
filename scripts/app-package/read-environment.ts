import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Environment = { name: string; values: Record<string, string>; files: string[] };

/**
 * Parses a toolkit env file the way dotenv does: KEY=VALUE lines, # comments, optional quotes
 * (double quotes understand \n), and an inline # comment after an unquoted value.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key, raw] = match as unknown as [string, string, string];
    values[key] = unquote(raw);
  }
  return values;
}

function unquote(raw: string): string {
  const quoted = /^(["'`])(.*)\1$/.exec(raw);
  if (quoted) return quoted[1] === '"' ? (quoted[2] as string).replace(/\\n/g, '\n') : (quoted[2] as string);
  return raw.replace(/\s+#.*$/, '');
}

/** env/.env.<name>, then env/.env.<name>.user on top, as the toolkit loads them. */
export function readEnvironment(envFolder: string, name: string): Environment {
  const files = [`.env.${name}`, `.env.${name}.user`]
    .map((f) => path.join(envFolder, f))
    .filter((f) => existsSync(f));
  if (files.length === 0)
    throw new Error(`No env/.env.${name}: the environments are ${listEnvironments(envFolder).join(', ')}.`);
  const values = Object.assign({}, ...files.map((f) => parseEnvFile(readFileSync(f, 'utf8')))) as Record<
    string,
    string
  >;
  return { name, values, files };
}

export function listEnvironments(envFolder: string): string[] {
  return readdirSync(envFolder)
    .flatMap((f) => /^\.env\.([^.]+)$/.exec(f)?.[1] ?? [])
    .sort();
}
