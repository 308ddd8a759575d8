import { describe, expect, it } from 'vitest';
import {
  checkSharedClientId,
  type ClientIdSources,
} from '../../../scripts/app-package/check-shared-client-id.js';
import { parseEnvFile } from '../../../scripts/app-package/read-environment.js';
import { loadProjectFile, readRepoFile } from './app-package-fixtures.js';

const sources = (): ClientIdSources => ({
  manifest: readRepoFile('appPackage/manifest.json'),
  aadManifest: readRepoFile('aad.manifest.json'),
  projectFiles: {
    'teamsapp.yml': loadProjectFile('teamsapp.yml'),
    'teamsapp.local.yml': loadProjectFile('teamsapp.local.yml'),
  },
  apiConfig: readRepoFile('api/src/config/env-schema.ts'),
});

const edit = (json: string, change: (o: Record<string, unknown>) => void): string => {
  const o = JSON.parse(json) as Record<string, unknown>;
  change(o);
  return JSON.stringify(o);
};

describe('the Entra client id is one variable everywhere', () => {
  it('AAD_APP_CLIENT_ID in the manifest, aad.manifest.json, the provision steps and the API config', () => {
    expect(checkSharedClientId(sources())).toEqual([]);
    expect(readRepoFile('appPackage/manifest.json')).toContain(
      '"resource": "api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"',
    );
    expect(readRepoFile('aad.manifest.json')).toContain('"api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"');
  });

  it('reaches the deployed API: the Bicep parameters pass it on, and local deploy writes it to .env', () => {
    expect(readRepoFile('infra/azure.parameters.json')).toContain(
      '"aadAppClientId": { "value": "${{AAD_APP_CLIENT_ID}}" }',
    );
    expect(readRepoFile('infra/azure.bicep')).toMatch(/^\s*AAD_APP_CLIENT_ID: aadAppClientId$/m);
    const local = loadProjectFile('teamsapp.local.yml').deploy?.find(
      (s) => s.uses === 'file/createOrUpdateEnvironmentFile',
    );
    expect(local?.with?.envs).toMatchObject({
      AAD_APP_CLIENT_ID: '${{AAD_APP_CLIENT_ID}}',
      TAB_DOMAIN: '${{TAB_DOMAIN}}',
    });
  });

  it('is never committed with a value: aadApp/create would then skip creating the registration', () => {
    for (const env of ['dev', 'local'])
      expect(parseEnvFile(readRepoFile(`env/.env.${env}`)).AAD_APP_CLIENT_ID).toBeUndefined();
  });

  describe('fails on a copy that spells it differently', () => {
    const cases: [string, (s: ClientIdSources) => void, string][] = [
      [
        'aad.manifest.json appId under another name',
        (s) => {
          s.aadManifest = edit(s.aadManifest, (o) => {
            o.appId = '${{CLIENT_ID}}';
          });
        },
        'aad.manifest.json appId is "${{CLIENT_ID}}", expected "${{AAD_APP_CLIENT_ID}}"',
      ],
      [
        'aad.manifest.json without the Application ID URI',
        (s) => {
          s.aadManifest = edit(s.aadManifest, (o) => {
            o.identifierUris = ['api://${{AAD_APP_CLIENT_ID}}'];
          });
        },
        'identifierUris lacks "api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"',
      ],
      [
        'a client id pasted into the manifest',
        (s) => {
          s.manifest = s.manifest.replace(
            '"id": "${{AAD_APP_CLIENT_ID}}"',
            '"id": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"',
          );
        },
        'must be a single ${{VAR}}',
      ],
      [
        'the resource built from another variable',
        (s) => {
          s.manifest = s.manifest.replace(
            'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
            'api://${{TAB_DOMAIN}}/${{BOT_ID}}',
          );
        },
        'resource uses ${{BOT_ID}}',
      ],
      [
        'aadApp/create writing another name',
        (s) => {
          s.projectFiles['teamsapp.yml']!.provision![0]!.writeToEnvironmentFile!.clientId = 'CLIENT_ID';
        },
        'teamsapp.yml: aadApp/create writes the client id to CLIENT_ID, expected AAD_APP_CLIENT_ID',
      ],
      [
        'an API config that reads another name',
        (s) => {
          s.apiConfig = s.apiConfig.replaceAll('AAD_APP_CLIENT_ID', 'ENTRA_CLIENT_ID');
        },
        'api/src/config/env-schema.ts does not read AAD_APP_CLIENT_ID',
      ],
    ];
    it.each(cases)('%s', (_, breakIt, expected) => {
      const s = sources();
      breakIt(s);
      expect(checkSharedClientId(s)).toContainEqual(expect.stringContaining(expected));
    });
  });
});
