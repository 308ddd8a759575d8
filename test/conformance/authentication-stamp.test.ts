import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAuthenticationResults } from '../../api/src/domain/authentication-results.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { announceTarget, emulatorOnly } from '../support/emulator-conformance.js';

type Header = { name: string; value: string };
type Listed = { value: Array<{ id: string; subject: string; internetMessageHeaders: Header[] }> };

announceTarget('authentication-stamp');

// Exchange Online prepends an Authentication-Results header to mail from outside the organisation, in its own form:
// no authserv-id, spf / dkim / dmarc for the From: domain, and Microsoft's compauth with a reason
// (docs/sender-authenticity.md). The emulator's stamp has that shape; the knob makes a sender fail.
describe.skipIf(emulatorOnly())('the emulator stamps Authentication-Results as Exchange Online does', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());

  const mime = (from: string, subject: string, extra: string[] = []) =>
    [
      ...extra,
      `From: ${from}`,
      'To: support@contoso.test',
      `Subject: ${subject}`,
      'Message-ID: <' + subject.replace(/\W/g, '') + '@fabrikam.test>',
      '',
      'Hello.',
      '',
    ].join('\r\n');

  async function deliver(
    body: string | Record<string, unknown>,
    subject: string,
  ): Promise<{ headers: Header[]; raw: string }> {
    const type = typeof body === 'string' ? 'message/rfc822' : undefined;
    const res = await emu.control(
      'POST',
      '/mailboxes/support@contoso.test/messages?folder=inbox',
      body,
      type,
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const listed = (
      (await (
        await emu.control('GET', '/mailboxes/support@contoso.test/messages?folder=inbox')
      ).json()) as Listed
    ).value.find((m) => m.subject === subject);
    const raw = await (
      await emu.control('GET', `/mailboxes/support@contoso.test/messages/${id}/$value`)
    ).text();
    return { headers: listed?.internetMessageHeaders ?? [], raw };
  }

  const stamps = (headers: Header[]) =>
    headers.filter((h) => h.name.toLowerCase() === 'authentication-results');

  it('prepends a passing stamp with no authserv-id and a compauth verdict to mail from outside', async () => {
    const { headers, raw } = await deliver(mime('Alex <alex@fabrikam.test>', 'outside pass'), 'outside pass');
    expect(headers[0]?.name).toBe('Authentication-Results');
    const stamp = parseAuthenticationResults(headers[0]!.value);
    expect(stamp.authservId).toBeUndefined();
    expect(stamp.results.map((r) => `${r.method}=${r.result}`)).toEqual([
      'spf=pass',
      'dkim=pass',
      'dmarc=pass',
      'compauth=pass',
    ]);
    expect(stamp.results.find((r) => r.method === 'spf')?.comment).toMatch(/^sender IP is /);
    expect(stamp.results.find((r) => r.method === 'dmarc')?.properties).toEqual({
      action: 'none',
      'header.from': 'fabrikam.test',
    });
    expect(stamp.results.find((r) => r.method === 'compauth')?.properties.reason).toMatch(/^1\d\d$/);
    // The MIME ($value) starts with it too: the receiving server's header is the topmost.
    expect(raw.split('\r\n')[0]).toBe(`Authentication-Results: ${headers[0]!.value}`);
  });

  it('fails a sender the unauthenticatedSenders knob names (by address or domain), and stamps Graph JSON deliveries too', async () => {
    await emu.control('POST', '/faults', { unauthenticatedSenders: ['fabrikam.test'] });
    try {
      const { headers } = await deliver(
        {
          subject: 'json fail',
          from: { emailAddress: { address: 'eve@fabrikam.test' } },
          body: { contentType: 'text', content: 'x' },
        },
        'json fail',
      );
      const stamp = parseAuthenticationResults(stamps(headers)[0]?.value ?? '');
      expect(stamp.results.map((r) => `${r.method}=${r.result}`)).toEqual([
        'spf=fail',
        'dkim=none',
        'dmarc=fail',
        'compauth=fail',
      ]);
      expect(stamp.results.find((r) => r.method === 'compauth')?.properties.reason).toMatch(/^0\d\d$/);
    } finally {
      await emu.control('DELETE', '/faults');
    }
  });

  it('leaves mail from inside the tenant unstamped, and keeps the stamp a replayed message brings as its first header', async () => {
    expect(stamps((await deliver(mime('Agent <agent@contoso.test>', 'inside'), 'inside')).headers)).toEqual(
      [],
    );
    const replayed =
      'spf=fail smtp.mailfrom=fabrikam.test; dmarc=fail action=none header.from=fabrikam.test;compauth=fail reason=001';
    const { headers } = await deliver(
      mime('Alex <alex@fabrikam.test>', 'replay', [`Authentication-Results: ${replayed}`]),
      'replay',
    );
    expect(stamps(headers)).toEqual([{ name: 'Authentication-Results', value: replayed }]);
    // A stamp lower down is the sender's: Exchange's own goes on top of it.
    const lower = await deliver(
      mime('Alex <alex@fabrikam.test>', 'lower', [
        'Received: from relay.fabrikam.test',
        `Authentication-Results: ${replayed}`,
      ]),
      'lower',
    );
    expect(stamps(lower.headers)).toHaveLength(2);
    expect(
      parseAuthenticationResults(lower.headers[0]!.value).results.find((r) => r.method === 'compauth')
        ?.result,
    ).toBe('pass');
  });
});
