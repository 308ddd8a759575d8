import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

// Cases in the format of shared/corpus/README.md: one JSON file per case at <dir>/<source>/<case-id>.json.

const ZCase = z.object({
  id: z.string(),
  source: z.string().optional(),
  notes: z.string().optional(),
  input: z.object({
    kind: z.enum(['text', 'html', 'eml']),
    content: z.string(),
    encoding: z.string().optional(),
  }),
  expected: z.object({
    class: z.string(),
    reply: z.string().nullable(),
    replyHtml: z.string().optional(),
    signatureStripped: z.boolean().optional(),
    quotedKept: z.boolean().optional(),
    compare: z.string().optional(),
  }),
});

export type TCorpusCase = z.infer<typeof ZCase> & { group: string };

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => e.isDirectory() || (e.isFile() && e.name.endsWith('.json')))
      .map((e) => (e.isDirectory() ? jsonFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return nested.flat().sort();
}

/** Every valid case under `dir`; files that are not cases are reported on stderr and skipped. */
export async function loadCases(dir: string): Promise<TCorpusCase[]> {
  const cases: TCorpusCase[] = [];
  for (const file of await jsonFiles(dir)) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      console.warn(`skipped ${file}: not JSON`);
      continue;
    }
    const parsed = ZCase.safeParse(json);
    if (!parsed.success) {
      console.warn(`skipped ${file}: not a corpus case`);
      continue;
    }
    const group = parsed.data.id.includes('/')
      ? (parsed.data.id.split('/')[0] ?? '')
      : path.basename(path.dirname(file));
    cases.push({ ...parsed.data, group });
  }
  return cases;
}

export function inputBytes(input: TCorpusCase['input']): Buffer {
  return Buffer.from(input.content, input.encoding === 'latin1' ? 'latin1' : 'utf8');
}
