import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Microsoft's published schemas, vendored in schemas/ (sources and licences in schemas/README.md), so a fresh clone
// builds the app package with nothing beside it.
const schemas = path.resolve(repositoryRoot, 'schemas');

export type ProjectPaths = ReturnType<typeof projectPathsAt>;

/** Where the package inputs live under a project root (tests point this at a copy they can break). */
export function projectPathsAt(root: string) {
  return Object.freeze({
    root,
    appPackage: path.join(root, 'appPackage'),
    manifest: path.join(root, 'appPackage/manifest.json'),
    buildFolder: path.join(root, 'appPackage/build'),
    envFolder: path.join(root, 'env'),
    // The add-in build copies addin/public verbatim, so /addin/<x> on the API is addin/public/<x> here.
    addinPublic: path.join(root, 'addin/public'),
    apiConfig: path.join(root, 'api/src/config/env-schema.ts'),
    manifestSchema: path.join(schemas, 'teams-manifest/v1.29/MicrosoftTeams.schema.json'),
    projectFileSchema: path.join(schemas, 'teamsapp-yaml/v1.8/yaml.schema.json'),
  });
}

export const projectPaths = projectPathsAt(repositoryRoot);
