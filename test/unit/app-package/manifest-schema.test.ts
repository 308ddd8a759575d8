import { describe, expect, it } from 'vitest';
import { validateManifestSchema } from '../../../scripts/app-package/validate-manifest-schema.js';
import { readRepoFile, substitutedManifest, type FullManifest } from './app-package-fixtures.js';

type Extension = {
  requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
  runtimes: { code: { page: string }; actions: { id: string; type: string }[] }[];
  ribbons: { contexts: string[]; tabs: { groups: { controls: Record<string, unknown>[] }[] }[] }[];
};
const extensionOf = (m: FullManifest): Extension => (m.extensions as unknown as Extension[])[0] as Extension;

describe('appPackage/manifest.json against the vendored v1.29 schema', () => {
  it('is valid once the ${{VAR}} placeholders are filled', () => {
    expect(validateManifestSchema(substitutedManifest())).toEqual([]);
  });

  it('is not valid as the raw template, so the placeholders must be substituted first', () => {
    const errors = validateManifestSchema(JSON.parse(readRepoFile('appPackage/manifest.json')));
    expect(errors).toContainEqual(expect.stringContaining('/id must match pattern'));
  });

  it('declares manifest version 1.29 with the matching $schema', () => {
    const m = substitutedManifest();
    expect(m.manifestVersion).toBe('1.29');
    expect(m.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json',
    );
  });

  it('has the three personal tabs, the team tab, identity permission and one Outlook mail extension', () => {
    const m = substitutedManifest();
    const tabs = m.staticTabs as { name: string; contentUrl: string; scopes: string[] }[];
    expect(tabs.map((t) => [t.name, new URL(t.contentUrl).hash, t.scopes])).toEqual([
      ['Service Requests', '#/requests', ['personal']],
      ['Mail Center', '#/mail-center', ['personal']],
      ['Administration', '#/admin', ['personal']],
    ]);
    expect((m.configurableTabs as { scopes: string[] }[]).map((t) => t.scopes)).toEqual([['team']]);
    expect(m.permissions).toEqual(['identity']);
    expect(m.extensions).toHaveLength(1);
    const extension = extensionOf(m);
    expect(extension.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.8' }],
    });
    expect(new URL(extension.runtimes[0]?.code.page as string).pathname).toBe('/addin/taskpane.html');
    expect(extension.runtimes[0]?.actions[0]?.type).toBe('openPage');
    expect(extension.ribbons.map((r) => r.contexts)).toEqual([['mailRead']]);
    expect(m.authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'MailboxItem.Read.User', type: 'Delegated' }] },
    });
  });

  describe('rejects a broken copy', () => {
    const cases: [string, (m: FullManifest) => void, string][] = [
      [
        'an older manifestVersion',
        (m) => {
          m.manifestVersion = '1.28';
        },
        '/manifestVersion must be equal to constant',
      ],
      [
        'a tab scope Teams does not know',
        (m) => {
          (m.staticTabs as { scopes: string[] }[])[0]!.scopes = ['channel'];
        },
        '/staticTabs/0/scopes/0 must be equal to one of the allowed values',
      ],
      [
        'a ribbon button without its supertip',
        (m) => {
          delete extensionOf(m).ribbons[0]!.tabs[0]!.groups[0]!.controls[0]!.supertip;
        },
        "must have required property 'supertip'",
      ],
      [
        'a ribbon context Outlook does not have',
        (m) => {
          extensionOf(m).ribbons[0]!.contexts = ['mailOpen'];
        },
        '/extensions/0/ribbons/0/contexts/0 must be equal to one of the allowed values',
      ],
      [
        'an unknown top-level key',
        (m) => {
          m.taskPane = {};
        },
        'must NOT have additional properties',
      ],
      [
        'a short name over 30 characters',
        (m) => {
          (m.name as { short: string }).short = 'Service Messaging for the whole service desk';
        },
        '/name/short must NOT have more than 30 characters',
      ],
    ];
    it.each(cases)('%s', (_, breakIt, expected) => {
      const m = substitutedManifest();
      breakIt(m);
      expect(validateManifestSchema(m)).toContainEqual(expect.stringContaining(expected));
    });
  });
});
