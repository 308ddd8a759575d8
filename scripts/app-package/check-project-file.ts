import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { listPlaceholders } from './substitute-placeholders.js';
import { projectPaths } from './project-paths.js';

export type Step = {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  writeToEnvironmentFile?: Record<string, string>;
};
export type ProjectFile = { version?: string; provision?: Step[]; deploy?: Step[]; publish?: Step[] };
/** Reads a file the project file refers to, by its path relative to the project root. */
export type ReadProjectFile = (relativePath: string) => string;

// The order the toolkit runs them in; env/.env.<env> holds what earlier lifecycles wrote.
const lifecycles = ['provision', 'deploy', 'publish'] as const;
// Set by the toolkit for every run (teamsapp <lifecycle> --env <name>).
const builtIns = ['TEAMSFX_ENV'];

const compiled = new Map<string, ValidateFunction>();

/** Errors of a parsed teamsapp*.yml against the toolkit's own yaml schema (draft-07); empty when valid. */
export function validateProjectFileSchema(
  doc: unknown,
  schemaPath: string = projectPaths.projectFileSchema,
): string[] {
  let validate = compiled.get(schemaPath);
  if (!validate) {
    // One property in the schema has `type: [...]`, which strict mode refuses without allowUnionTypes.
    validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(
      JSON.parse(readFileSync(schemaPath, 'utf8')) as object,
    );
    compiled.set(schemaPath, validate);
  }
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `schema: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/**
 * Walks the lifecycles in the order the toolkit runs them and reports every ${{VAR}} a step uses
 * (in its own parameters or in a file it renders) that is neither in the committed env file
 * nor written by an earlier step.
 */
export function checkVariableFlow(
  doc: ProjectFile,
  committed: Iterable<string>,
  read: ReadProjectFile,
): string[] {
  const known = new Set([...committed, ...builtIns]);
  const problems: string[] = [];
  for (const lifecycle of lifecycles) {
    for (const [index, step] of (doc[lifecycle] ?? []).entries()) {
      const generated = generatedWhileRunning(step);
      for (const { name, where } of placeholdersOf(step, read)) {
        if (!known.has(name) && !generated.includes(name)) {
          problems.push(
            `${lifecycle}[${index}] ${step.uses}: \${{${name}}} in ${where} is not in the env file and no earlier step writes it`,
          );
        }
      }
      for (const name of outputsOf(step, read)) known.add(name);
    }
  }
  return problems;
}

/** Every variable some step of the project file writes. */
export function writtenVariables(doc: ProjectFile, read: ReadProjectFile): Set<string> {
  return new Set(lifecycles.flatMap((l) => (doc[l] ?? []).flatMap((step) => outputsOf(step, read))));
}

function placeholdersOf(step: Step, read: ReadProjectFile): { name: string; where: string }[] {
  const own = listPlaceholders(JSON.stringify([step.with ?? {}, step.env ?? {}])).map((name) => ({
    name,
    where: 'the step',
  }));
  const rendered = renderedFiles(step).flatMap((file) =>
    listPlaceholders(read(file)).map((name) => ({ name, where: file })),
  );
  return [...own, ...rendered];
}

/** Files the toolkit substitutes ${{VAR}}s in when it runs the step. */
function renderedFiles(step: Step): string[] {
  const w = step.with ?? {};
  switch (step.uses) {
    case 'aadApp/update':
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage':
      return typeof w.manifestPath === 'string' ? [w.manifestPath] : [];
    case 'arm/deploy':
      return armTemplates(step).flatMap((t) => (t.parameters ? [t.parameters] : []));
    default:
      return [];
  }
}

// aadApp/update generates the access_as_user scope id when its manifest uses it and it is still empty,
// before it renders that manifest.
const generatedWhileRunning = (step: Step): string[] =>
  step.uses === 'aadApp/update' ? ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] : [];

function outputsOf(step: Step, read: ReadProjectFile): string[] {
  const declared = [...Object.values(step.writeToEnvironmentFile ?? {}), ...generatedWhileRunning(step)];
  switch (step.uses) {
    case 'teamsApp/create':
      return [...declared, 'TEAMS_APP_TENANT_ID'];
    case 'arm/deploy':
      return [...declared, ...armTemplates(step).flatMap((t) => bicepOutputs(read(t.path)))];
    case 'script':
      return [
        ...declared,
        ...Array.from(
          String(step.with?.run ?? '').matchAll(/::set-teamsfx-env\s+([A-Za-z_]\w*)=/g),
          (m) => m[1] as string,
        ),
      ];
    default:
      return declared;
  }
}

function armTemplates(step: Step): { path: string; parameters?: string }[] {
  const templates = step.with?.templates;
  return Array.isArray(templates) ? (templates as { path: string; parameters?: string }[]) : [];
}

/** arm/deploy writes each template output to the env file, its name in UPPER_SNAKE_CASE. */
function bicepOutputs(bicep: string): string[] {
  return Array.from(bicep.matchAll(/^\s*output\s+([A-Za-z_]\w*)\s/gm), (m) =>
    (m[1] as string).replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase(),
  );
}
