import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A comment that cites a document must send a newcomer to a page in this repository, and the section (§4.3) or
// Graph case (C16) it names must be there: a renumbered or deleted section would otherwise leave the comment
// pointing at nothing. The pages a comment may cite are docs/architecture.md, docs/graph-behaviour.md and the
// neighbouring pages architecture.md lists by name.

const root = path.resolve(import.meta.dirname, '../../..');
const SCANNED = ['api/src', 'emulator/src', 'tab/src', 'addin/src', 'web-shared', 'scripts', 'test'];
const SOURCE = /\.(ts|tsx|html)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return SOURCE.test(entry.name) ? [rel] : [];
  });
}

const readDoc = (name: string): string => readFileSync(path.join(root, 'docs', name), 'utf8');
const architecture = readDoc('architecture.md');
/** architecture.md itself, graph-behaviour.md, and every page architecture.md links to as a neighbour. */
const citable = new Set([
  'architecture.md',
  ...[...architecture.matchAll(/\]\(([a-z-]+\.md)\)/g)].map((m) => m[1] ?? ''),
]);

/** Section N.M exists when a heading carries the number, or when section N holds a numbered item "M.". */
function hasSection(doc: string, id: string): boolean {
  const escaped = id.replace(/\./g, '\\.');
  if (new RegExp(`^#+ ${escaped}[. ]`, 'm').test(doc)) return true;
  const [section, item] = id.split('.');
  if (item === undefined) return false;
  const body = doc.split(new RegExp(`^## ${section}\\. `, 'm'))[1]?.split(/^## /m)[0] ?? '';
  return new RegExp(`^${item}\\. `, 'm').test(body);
}

const hasCase = (doc: string, id: number): boolean => new RegExp(`^#### C${id}\\. `, 'm').test(doc);

/** The ids right after a page name: "§2.2, C4, C5-C7)" gives §2.2, C4, C5, C6, C7. */
function citedIds(tail: string): { sections: string[]; cases: number[] } {
  const run = /^[\s§0-9.,C–-]*/.exec(tail)?.[0] ?? '';
  const sections = [...run.matchAll(/§\s?(\d+(?:\.\d+)*)/g)].map((m) => (m[1] ?? '').replace(/\.$/, ''));
  return { sections, cases: caseIds(run) };
}

function caseIds(text: string): number[] {
  return [...text.matchAll(/\bC(\d+)(?:[-–]C(\d+))?\b/g)].flatMap((m) => {
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

interface Problem {
  where: string;
  problem: string;
}

function problemsIn(file: string): Problem[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const problems: Problem[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (
      /DESIGN\.md|\.\.\/shared\/[a-z]|reference\/graph\.md/.test(line) &&
      !file.endsWith('doc-citations.test.ts')
    ) {
      // The stand-alone test and the eval test may say that a clone has no ../shared beside it.
      if (!/no \.\.\/shared|\.\.\/shared\/corpus/.test(line)) problems.push({ where, problem: line.trim() });
    }
    for (const m of line.matchAll(/docs\/([a-z-]+\.md)(.*)/g)) {
      const doc = m[1] ?? '';
      if (!citable.has(doc)) {
        problems.push({ where, problem: `cites docs/${doc}, which architecture.md does not list` });
        continue;
      }
      const content = readDoc(doc);
      // A citation the comment wrapped (the page name ends a line, "§4: ..." starts the next) reads on.
      const tail =
        (m[2] ?? '').trim() === '' ? (lines[index + 1] ?? '').replace(/^\s*(\/\/|\*)/, '') : (m[2] ?? '');
      const { sections, cases } = citedIds(tail);
      for (const id of sections)
        if (!hasSection(content, id)) problems.push({ where, problem: `docs/${doc} has no §${id}` });
      for (const id of cases)
        if (!hasCase(content, id)) problems.push({ where, problem: `docs/${doc} has no C${id}` });
    }
    // A bare "(C16)" in the code is a Graph case of docs/graph-behaviour.md.
    for (const m of line.matchAll(/\(([^()]*)\)/g)) {
      if (!/^(\s*C\d+([-–]C\d+)?\s*,?)+$/.test(m[1] ?? '')) continue;
      for (const id of caseIds(m[1] ?? ''))
        if (!hasCase(graphBehaviour, id))
          problems.push({ where, problem: `graph-behaviour.md has no C${id}` });
    }
  });
  return problems;
}

const graphBehaviour = readDoc('graph-behaviour.md');
const files = SCANNED.flatMap(sourceFiles);

describe('document citations in code comments', () => {
  it('finds the files and the citations it checks', () => {
    const cited = files.filter((f) =>
      readFileSync(path.join(root, f), 'utf8').includes('docs/graph-behaviour.md'),
    );
    expect(cited.length).toBeGreaterThan(20);
    expect(citable).toContain('graph-behaviour.md');
  });

  it('cites only pages in docs/ and sections and cases that exist there', () => {
    expect(files.flatMap(problemsIn)).toEqual([]);
  });

  it('fails on a dangling section, case or page (the checker itself)', () => {
    expect(hasSection(graphBehaviour, '4.3')).toBe(true);
    expect(hasSection(graphBehaviour, '4.9')).toBe(false);
    expect(hasSection(architecture, '9.5')).toBe(true);
    expect(hasCase(graphBehaviour, 25)).toBe(true);
    expect(hasCase(graphBehaviour, 26)).toBe(false);
    expect(citedIds(' §6, C15-C20): checked')).toEqual({ sections: ['6'], cases: [15, 16, 17, 18, 19, 20] });
    expect(citedIds(' §4, "Several')).toEqual({ sections: ['4'], cases: [] });
    expect(citable.has('nowhere.md')).toBe(false);
  });
});
