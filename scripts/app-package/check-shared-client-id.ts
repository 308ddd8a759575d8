import type { ProjectFile } from './check-project-file.js';

export type ClientIdSources = {
  /** appPackage/manifest.json before substitution. */
  manifest: string;
  /** aad.manifest.json before substitution. */
  aadManifest: string;
  /** Parsed teamsapp*.yml files that apply aad.manifest.json, by file name. */
  projectFiles: Record<string, ProjectFile>;
  /** Source of api/src/config/env-schema.ts, the variables the API reads from the environment. */
  apiConfig: string;
};

const single = /^\$\{\{([A-Za-z_]\w*)\}\}$/;
const resourceTemplate = /^api:\/\/\$\{\{([A-Za-z_]\w*)\}\}\/\$\{\{([A-Za-z_]\w*)\}\}$/;

/**
 * One variable carries the Entra client id to the manifest's webApplicationInfo, the registration
 * (aad.manifest.json), the step that creates it, and the API that checks token audiences. Spelling it
 * two ways anywhere means SSO tokens for one app and an API that expects another.
 */
export function checkSharedClientId(sources: ClientIdSources): string[] {
  const problems: string[] = [];
  const manifest = JSON.parse(sources.manifest) as {
    webApplicationInfo?: { id?: string; resource?: string };
  };
  const aad = JSON.parse(sources.aadManifest) as { appId?: string; identifierUris?: string[] };
  const variable = single.exec(manifest.webApplicationInfo?.id ?? '')?.[1];
  if (!variable)
    return [
      `manifest webApplicationInfo.id "${manifest.webApplicationInfo?.id}" must be a single \${{VAR}} so every environment fills it`,
    ];

  const resource = resourceTemplate.exec(manifest.webApplicationInfo?.resource ?? '');
  if (!resource)
    problems.push(`manifest webApplicationInfo.resource must be api://\${{<host var>}}/\${{${variable}}}`);
  else if (resource[2] !== variable)
    problems.push(
      `manifest webApplicationInfo.resource uses \${{${resource[2]}}}, webApplicationInfo.id uses \${{${variable}}}`,
    );

  if (aad.appId !== `\${{${variable}}}`)
    problems.push(`aad.manifest.json appId is "${aad.appId}", expected "\${{${variable}}}"`);
  const applicationIdUri = resource ? `api://\${{${resource[1]}}}/\${{${variable}}}` : undefined;
  if (applicationIdUri && !(aad.identifierUris ?? []).includes(applicationIdUri)) {
    problems.push(
      `aad.manifest.json identifierUris lacks "${applicationIdUri}", the manifest's webApplicationInfo.resource`,
    );
  }

  for (const [file, doc] of Object.entries(sources.projectFiles)) {
    const create = (doc.provision ?? []).find(
      (s) => s.uses === 'aadApp/create' && s.writeToEnvironmentFile?.clientId !== undefined,
    );
    if (create?.writeToEnvironmentFile?.clientId !== variable) {
      problems.push(
        `${file}: aadApp/create writes the client id to ${create?.writeToEnvironmentFile?.clientId ?? 'nothing'}, expected ${variable}`,
      );
    }
  }

  if (!new RegExp(`\\b${variable}\\b`).test(sources.apiConfig))
    problems.push(`api/src/config/env-schema.ts does not read ${variable}`);
  return problems;
}
