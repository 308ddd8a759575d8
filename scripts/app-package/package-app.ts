import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { buildAppPackage } from './build-app-package.js';
import { checkManifestRules, type Manifest } from './check-manifest-rules.js';
import { checkPackageIcons } from './check-package-icons.js';
import {
  checkVariableFlow,
  validateProjectFileSchema,
  writtenVariables,
  type ProjectFile,
} from './check-project-file.js';
import { checkSharedClientId } from './check-shared-client-id.js';
import { checkZipLayout } from './check-zip-layout.js';
import { projectPaths as repository, type ProjectPaths } from './project-paths.js';
import { parseEnvFile, readEnvironment } from './read-environment.js';
import { jsonStringContent, listPlaceholders, substitutePlaceholders } from './substitute-placeholders.js';
import { validateManifestSchema } from './validate-manifest-schema.js';

export type PackageOptions = { env: string; paths?: ProjectPaths; outFolder?: string };
export type PackageResult = { problems: string[]; warnings: string[]; zipPath?: string; manifest?: Manifest };

// Values a fresh clone does not have until provision (or an admin) writes them. A package built with
// them validates, so the build can be checked before any tenant exists, but it cannot be installed:
// the nil GUID and the reserved .invalid host make that plain.
const previewValues: Record<string, string> = {
  TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000',
  AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
  TAB_DOMAIN: 'service-messaging.invalid',
  TAB_ENDPOINT: 'https://service-messaging.invalid',
};

/** The toolkit picks teamsapp.local.yml for "local" and teamsapp.yml for every other environment. */
export const projectFileFor = (env: string): string =>
  env === 'local' ? 'teamsapp.local.yml' : 'teamsapp.yml';

/** Reads a file the project file names, relative to the project root as the toolkit resolves it. */
export const projectFileReader =
  (paths: ProjectPaths) =>
  (relativePath: string): string =>
    readFileSync(path.resolve(paths.root, relativePath), 'utf8');

/**
 * Fills the manifest from env/.env.<env> (+ .user), validates it (schema, manifest rules, icons, the
 * shared client id, the project file) and, when nothing is wrong, writes appPackage.<env>.zip.
 */
export function packageApp({
  env,
  paths = repository,
  outFolder = paths.buildFolder,
}: PackageOptions): PackageResult {
  const read = projectFileReader(paths);
  const environment = readEnvironment(paths.envFolder, env);
  const projectFileName = projectFileFor(env);
  const projectFile = YAML.parse(read(projectFileName)) as ProjectFile;
  const template = readFileSync(paths.manifest, 'utf8');
  const { values, warnings } = withPreviewValues(
    environment.values,
    listPlaceholders(template),
    writtenVariables(projectFile, read),
    env,
  );

  const { text, missing } = substitutePlaceholders(template, values, jsonStringContent);
  if (missing.length) {
    return {
      problems: missing.map(
        (name) => `\${{${name}}} has no value in env/.env.${env} and no provision step writes it`,
      ),
      warnings,
    };
  }
  let manifest: Manifest & { icons?: { color?: string; outline?: string } };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (error) {
    return {
      problems: [
        `appPackage/manifest.json is not valid JSON after substitution: ${(error as Error).message}`,
      ],
      warnings,
    };
  }
  const committed = parseEnvFile(read(`env/.env.${env}`));
  const problems = [
    ...validateManifestSchema(manifest, paths.manifestSchema),
    ...checkManifestRules(manifest),
    ...checkPackageIcons(manifest, paths),
    ...[
      ...validateProjectFileSchema(projectFile, paths.projectFileSchema),
      ...checkVariableFlow(projectFile, Object.keys(committed), read),
    ].map((p) => `${projectFileName}: ${p}`),
    ...checkSharedClientId({
      manifest: template,
      aadManifest: read('aad.manifest.json'),
      projectFiles: { [projectFileName]: projectFile },
      apiConfig: existsSync(paths.apiConfig) ? readFileSync(paths.apiConfig, 'utf8') : '',
    }),
  ];
  if (problems.length) return { problems, warnings, manifest };

  const icons = Object.fromEntries(
    [manifest.icons?.color, manifest.icons?.outline].map((name) => [
      name as string,
      readFileSync(path.join(paths.appPackage, name as string)),
    ]),
  );
  const zip = buildAppPackage({ manifest: `${JSON.stringify(manifest, null, 2)}\n`, icons });
  const layout = checkZipLayout(zip);
  if (layout.length) return { problems: layout, warnings, manifest };
  mkdirSync(outFolder, { recursive: true });
  const zipPath = path.join(outFolder, `appPackage.${env}.zip`);
  writeFileSync(zipPath, zip);
  return { problems: [], warnings, zipPath, manifest };
}

function withPreviewValues(
  values: Record<string, string>,
  used: string[],
  written: Set<string>,
  env: string,
) {
  const filled = { ...values };
  const warnings: string[] = [];
  for (const name of used) {
    const preview = previewValues[name];
    if (values[name] || !written.has(name) || preview === undefined) continue;
    filled[name] = preview;
    warnings.push(
      `${name} is not in env/.env.${env} yet (provision writes it): using the preview value ${preview}`,
    );
  }
  return { values: filled, warnings };
}
