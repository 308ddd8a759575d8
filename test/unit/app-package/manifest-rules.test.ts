import { describe, expect, it } from 'vitest';
import { checkManifestRules } from '../../../scripts/app-package/check-manifest-rules.js';
import { substitutedManifest, testValues, type FullManifest } from './app-package-fixtures.js';

type Tab = { contentUrl: string; websiteUrl?: string };
type Control = { actionId: string; icons: { size: number; url: string }[] };
type Extension = {
  runtimes: { code: { page: string } }[];
  ribbons: { tabs: { groups: { controls: Control[] }[] }[] }[];
};
const extensionOf = (m: FullManifest): Extension => (m.extensions as unknown as Extension[])[0] as Extension;
const buttonOf = (m: FullManifest): Control =>
  extensionOf(m).ribbons[0]!.tabs[0]!.groups[0]!.controls[0] as Control;
const wai = (m: FullManifest) => m.webApplicationInfo as { id: string; resource: string };

describe('manifest rules the schema cannot check', () => {
  it('hold for the manifest filled with the test values', () => {
    expect(checkManifestRules(substitutedManifest())).toEqual([]);
  });

  it('hold for a local environment on localhost with a port', () => {
    const local = { ...testValues, TAB_DOMAIN: 'localhost:3978', TAB_ENDPOINT: 'https://localhost:3978' };
    expect(checkManifestRules(substitutedManifest(local))).toEqual([]);
  });

  it('put the SSO resource at api://<tab host>/<client id>', () => {
    expect(wai(substitutedManifest())).toEqual({
      id: testValues.AAD_APP_CLIENT_ID,
      resource: `api://${testValues.TAB_DOMAIN}/${testValues.AAD_APP_CLIENT_ID}`,
    });
  });

  describe('fail on a copy that breaks one', () => {
    const other = 'attacker.example';
    const cases: [string, (m: FullManifest) => void, string][] = [
      [
        'a tab served over http',
        (m) => {
          (m.staticTabs as Tab[])[0]!.contentUrl = `http://${testValues.TAB_DOMAIN}/tab/#/requests`;
        },
        'is not an https URL',
      ],
      [
        'a developer link over http',
        (m) => {
          (m.developer as { privacyUrl: string }).privacyUrl = `http://${testValues.TAB_DOMAIN}/privacy`;
        },
        '/developer/privacyUrl: "http://',
      ],
      [
        'a task pane page on a host outside validDomains',
        (m) => {
          extensionOf(m).runtimes[0]!.code.page = `https://${other}/addin/taskpane.html`;
        },
        `host "${other}" is not in validDomains`,
      ],
      [
        'a ribbon icon on a host outside validDomains',
        (m) => {
          buttonOf(m).icons[0]!.url = `https://${other}/icon-16.png`;
        },
        `host "${other}" is not in validDomains`,
      ],
      [
        'validDomains holding a URL instead of a host',
        (m) => {
          m.validDomains = [testValues.TAB_ENDPOINT];
        },
        'must be a host[:port] without scheme or path',
      ],
      [
        'an SSO resource on another host than the tab',
        (m) => {
          wai(m).resource = `api://${other}/${testValues.AAD_APP_CLIENT_ID}`;
        },
        `resource host "${other}" differs from the tab host "${testValues.TAB_DOMAIN}"`,
      ],
      [
        'an SSO resource one character off the client id',
        (m) => {
          wai(m).resource = `api://${testValues.TAB_DOMAIN}/${testValues.AAD_APP_CLIENT_ID.slice(0, -1)}0`;
        },
        'does not end with the client id',
      ],
      [
        'an SSO resource that is not an api:// URI',
        (m) => {
          wai(m).resource = testValues.TAB_ENDPOINT;
        },
        'is not api://<host>/<client id>',
      ],
      [
        'no SSO resource at all',
        (m) => {
          delete (wai(m) as Partial<{ resource: string }>).resource;
        },
        'webApplicationInfo.resource is missing',
      ],
      [
        'tabs on two hosts',
        (m) => {
          (m.staticTabs as Tab[])[2]!.contentUrl = 'https://admin.contoso.example/tab/#/admin';
          m.validDomains = [testValues.TAB_DOMAIN, 'admin.contoso.example'];
        },
        'served from several hosts',
      ],
      [
        'a ribbon button whose actionId no runtime defines',
        (m) => {
          buttonOf(m).actionId = 'openTaskPane';
        },
        'runs action "openTaskPane", which no runtime defines',
      ],
      [
        'a ribbon button without its 80 px icon',
        (m) => {
          buttonOf(m).icons = buttonOf(m).icons.filter((i) => i.size !== 80);
        },
        'has no icon of size 80',
      ],
      [
        'a version that is not MAJOR.MINOR.PATCH',
        (m) => {
          m.version = '1.0';
        },
        'version "1.0" is not semver',
      ],
      [
        'a pre-release version Teams refuses',
        (m) => {
          m.version = '1.0.0-beta';
        },
        'is not semver',
      ],
      [
        'an app id that is not a GUID',
        (m) => {
          m.id = 'service-messaging';
        },
        'id "service-messaging" is not a GUID',
      ],
      [
        'a client id that is not a GUID',
        (m) => {
          wai(m).id = 'api://servicedesk';
        },
        'webApplicationInfo.id "api://servicedesk" is not a GUID',
      ],
    ];
    it.each(cases)('%s', (_, breakIt, expected) => {
      const m = substitutedManifest();
      breakIt(m);
      expect(checkManifestRules(m)).toContainEqual(expect.stringContaining(expected));
    });
  });

  it('read a wildcard in validDomains as exactly one label', () => {
    const m = substitutedManifest();
    m.validDomains = ['*.contoso.example'];
    expect(checkManifestRules(m)).toEqual([]);
    m.validDomains = ['*.example'];
    expect(checkManifestRules(m)).toContainEqual(expect.stringContaining('is not in validDomains'));
  });
});
