import { describe, expect, it } from 'vitest';
import {
  checkVariableFlow,
  validateProjectFileSchema,
  writtenVariables,
  type ProjectFile,
  type ReadProjectFile,
} from '../../../scripts/app-package/check-project-file.js';
import { parseEnvFile } from '../../../scripts/app-package/read-environment.js';
import { loadProjectFile, readRepoFile } from './app-package-fixtures.js';

// Which env files each project file runs with: the toolkit picks teamsapp.local.yml for "local" and
// teamsapp.yml otherwise; the mail app file is run by hand against either.
const runs: [string, string][] = [
  ['teamsapp.yml', 'dev'],
  ['teamsapp.local.yml', 'local'],
  ['teamsapp.mail-app.yml', 'dev'],
  ['teamsapp.mail-app.yml', 'local'],
];
const committed = (env: string): Record<string, string> => parseEnvFile(readRepoFile(`env/.env.${env}`));
const uses = (steps: ProjectFile['provision']) => (steps ?? []).map((s) => s.uses);

describe('teamsapp*.yml', () => {
  it.each(['teamsapp.yml', 'teamsapp.local.yml', 'teamsapp.mail-app.yml'])(
    '%s validates against the vendored v1.8 yaml schema',
    (file) => {
      expect(validateProjectFileSchema(loadProjectFile(file))).toEqual([]);
    },
  );

  it.each(runs)(
    'every ${{VAR}} %s and the files it renders use is in env/.env.%s or written by an earlier step',
    (file, env) => {
      expect(checkVariableFlow(loadProjectFile(file), Object.keys(committed(env)), readRepoFile)).toEqual([]);
    },
  );

  it.each(runs)(
    '%s: env/.env.%s does not pre-fill what a step writes (create steps skip when their id is set)',
    (file, env) => {
      const written = writtenVariables(loadProjectFile(file), readRepoFile);
      expect(
        Object.entries(committed(env)).filter(([name, value]) => value !== '' && written.has(name)),
      ).toEqual([]);
    },
  );

  it.each(['dev', 'local'])('env/.env.%s commits no secret', (env) => {
    expect(
      Object.entries(committed(env)).filter(([name, value]) => name.startsWith('SECRET_') && value !== ''),
    ).toEqual([]);
  });

  it('provision registers the app, applies its Entra manifest, then creates, validates, zips, updates and extends the Teams app', () => {
    expect(uses(loadProjectFile('teamsapp.yml').provision)).toEqual([
      'aadApp/create',
      'teamsApp/create',
      'script',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
    expect(uses(loadProjectFile('teamsapp.local.yml').provision)).toEqual([
      'aadApp/create',
      'teamsApp/create',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
  });

  it('provision makes the SECRET_KEY every API instance shares once, before the App Service that reads it', () => {
    const steps = loadProjectFile('teamsapp.yml').provision ?? [];
    const made = steps.findIndex(
      (s) => s.uses === 'script' && String(s.with?.run).includes('::set-teamsfx-env SECRET_SM_SECRET_KEY='),
    );
    expect(made).toBeGreaterThan(-1);
    expect(made).toBeLessThan(steps.findIndex((s) => s.uses === 'arm/deploy'));
    // Only when the .user file has none yet: a new key would leave every sealed secret unreadable.
    expect(String(steps[made]?.with?.run)).toMatch(/^node -e "process\.env\.SECRET_SM_SECRET_KEY \|\|/);
    expect(readRepoFile('infra/azure.parameters.json')).toContain(
      '"secretKey": { "value": "${{SECRET_SM_SECRET_KEY}}" }',
    );
  });

  it('deploy builds with npm run build and zip-deploys to the App Service that provision created', () => {
    const deploy = loadProjectFile('teamsapp.yml').deploy ?? [];
    expect(deploy.map((s) => [s.uses, s.with?.args ?? s.with?.resourceId])).toEqual([
      ['cli/runNpmCommand', 'ci --no-audit --no-fund'],
      ['cli/runNpmCommand', 'run build'],
      ['azureAppService/zipDeploy', '${{API_APP_SERVICE_RESOURCE_ID}}'],
    ]);
  });

  it('the mail app is a separate, opt-in file: teamsapp.yml never creates it', () => {
    const creates = (file: string) =>
      (loadProjectFile(file).provision ?? []).filter((s) => s.uses === 'aadApp/create');
    expect(creates('teamsapp.yml').map((s) => s.writeToEnvironmentFile?.clientId)).toEqual([
      'AAD_APP_CLIENT_ID',
    ]);
    expect(
      creates('teamsapp.mail-app.yml').map((s) => [
        s.writeToEnvironmentFile?.clientId,
        s.with?.generateClientSecret,
      ]),
    ).toEqual([['MAIL_APP_CLIENT_ID', true]]);
  });

  describe('fail on a copy that breaks them', () => {
    const schemaCases: [string, (doc: ProjectFile) => void, string][] = [
      [
        'a misspelled action',
        (d) => {
          d.provision![0]!.uses = 'aadApp/craete';
        },
        '/provision/0 must match a schema in anyOf',
      ],
      [
        'zipAppPackage without its outputFolder',
        (d) => {
          delete d.provision!.find((s) => s.uses === 'teamsApp/zipAppPackage')!.with!.outputFolder;
        },
        'must match a schema in anyOf',
      ],
      [
        'a schema version the CLIs do not accept',
        (d) => {
          d.version = 'v1.7';
        },
        '/version must be equal to constant',
      ],
    ];
    it.each(schemaCases)('schema: %s', (_, breakIt, expected) => {
      const doc = loadProjectFile('teamsapp.yml');
      breakIt(doc);
      expect(validateProjectFileSchema(doc)).toContainEqual(expect.stringContaining(expected));
    });

    it('a step using a variable nothing defines', () => {
      const doc = loadProjectFile('teamsapp.yml');
      doc.deploy![2]!.with!.resourceId = '${{APP_SERVICE_ID}}';
      expect(checkVariableFlow(doc, Object.keys(committed('dev')), readRepoFile)).toEqual([
        'deploy[2] azureAppService/zipDeploy: ${{APP_SERVICE_ID}} in the step is not in the env file and no earlier step writes it',
      ]);
    });

    it('a manifest placeholder nothing defines', () => {
      const read: ReadProjectFile = (file) =>
        file === './appPackage/manifest.json'
          ? readRepoFile(file).replace('${{TAB_ENDPOINT}}/tab/#/admin', '${{ADMIN_URL}}')
          : readRepoFile(file);
      expect(
        checkVariableFlow(loadProjectFile('teamsapp.yml'), Object.keys(committed('dev')), read),
      ).toContainEqual(
        'provision[5] teamsApp/validateManifest: ${{ADMIN_URL}} in ./appPackage/manifest.json is not in the env file and no earlier step writes it',
      );
    });

    it('aadApp/update moved before the App Service exists, so TAB_DOMAIN is not written yet', () => {
      const doc = loadProjectFile('teamsapp.yml');
      const [create, teams, secretKey, arm, update, ...rest] = doc.provision!;
      doc.provision = [create!, teams!, secretKey!, update!, arm!, ...rest];
      expect(checkVariableFlow(doc, Object.keys(committed('dev')), readRepoFile)).toContainEqual(
        'provision[3] aadApp/update: ${{TAB_DOMAIN}} in ./aad.manifest.json is not in the env file and no earlier step writes it',
      );
    });

    it('env/.env.local without the host the local tabs run on', () => {
      const { TAB_DOMAIN: _, ...rest } = committed('local');
      expect(
        checkVariableFlow(loadProjectFile('teamsapp.local.yml'), Object.keys(rest), readRepoFile),
      ).toContainEqual(
        expect.stringContaining('${{TAB_DOMAIN}} in ./aad.manifest.json is not in the env file'),
      );
    });

    it('an env file that pre-fills the client id', () => {
      const env: Record<string, string> = {
        ...committed('dev'),
        AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
      };
      const written = writtenVariables(loadProjectFile('teamsapp.yml'), readRepoFile);
      expect(Object.keys(env).filter((name) => env[name] !== '' && written.has(name))).toEqual([
        'AAD_APP_CLIENT_ID',
      ]);
    });
  });
});

describe('aad.manifest.json, the registration users sign in to', () => {
  const aad = JSON.parse(readRepoFile('aad.manifest.json')) as {
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: { value: string; id: string }[];
      preAuthorizedApplications: { appId: string }[];
    };
    appRoles: { value: string; allowedMemberTypes: string[] }[];
    spa: { redirectUris: string[] };
  };

  it('issues v2 tokens for the access_as_user scope and defines the two roles the API checks', () => {
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.api.oauth2PermissionScopes.map((s) => [s.value, s.id])).toEqual([
      ['access_as_user', '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}'],
    ]);
    expect(aad.appRoles.map((r) => [r.value, r.allowedMemberTypes])).toEqual([
      ['ServiceDesk.Admin', ['User']],
      ['ServiceDesk.Agent', ['User']],
    ]);
  });

  it('pre-authorises the Teams, Microsoft 365, Office and Outlook clients', () => {
    const ids = aad.api.preAuthorizedApplications.map((a) => a.appId);
    for (const id of [
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams on the web
      '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 on the web
      '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
      'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Office and Outlook desktop
      'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook on the web
      '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
      'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e', // all Office endpoints (legacy Office SSO)
    ])
      expect(ids).toContain(id);
  });

  it('has the brk-multihub:// SPA redirect nested app authentication needs, with the host only', () => {
    expect(aad.spa.redirectUris).toContain('brk-multihub://${{TAB_DOMAIN}}');
  });
});
