import { describe, expect, it } from 'vitest';
import { extractReply } from '../../../../api/src/reply/extract/extract-reply.js';

const clean = (html: string, remoteImages: 'keep' | 'drop' = 'drop') =>
  extractReply({ html }, { remoteImages, rewriteCid: (cid) => `/att/${cid}` }).html;

describe('sanitised reply html', () => {
  it.each([
    ['<script>alert(1)</script>hi', /script|alert/i],
    ['<img src=x onerror=alert(1)>hi', /onerror|alert/i],
    ['<a href="javascript:alert(1)">x</a>', /javascript/i],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', /ascript/i],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:/i],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">hi', /refresh|evil/i],
    ['<iframe src="https://evil.example"></iframe>hi', /iframe|evil/i],
    ['<div style="background:url(https://evil.example/t.gif)">hi</div>', /url\(|evil/i],
    ['<div style="width:expression(alert(1))">hi</div>', /expression/i],
    ['<div style="position:fixed;top:0;left:0;width:100%;height:100%">hi</div>', /position/i],
    [
      '<form action="https://evil.example"><input name="p"><button>Go</button></form>hi',
      /form|input|button|evil/i,
    ],
    ['<svg onload="alert(1)"><use href="#x"/></svg>hi', /svg|onload/i],
    ['<base href="https://evil.example/">hi', /base|evil/i],
    ['<link rel="stylesheet" href="https://evil.example/x.css">hi', /link|evil/i],
    ['<style>@import url(https://evil.example/x.css);</style>hi', /import|evil/i],
    ['<object data="x.swf"></object><embed src="x.swf">hi', /object|embed|swf/i],
    ['<p title="&quot; onmouseover=&quot;alert(1)">hi</p>', /" onmouseover/i],
  ])('%s', (input, forbidden) => {
    expect(clean(input)).not.toMatch(forbidden);
  });

  it('drops remote images (tracking beacons) unless asked to keep them, keeping their alt text', () => {
    expect(clean('<img src="https://tracker.example/p.gif" alt="logo">hi')).toBe('[logo]hi');
    expect(clean('<img src="https://cdn.example/p.png">hi', 'keep')).toContain(
      'src="https://cdn.example/p.png"',
    );
  });

  it('points cid images at our attachment URLs and keeps safe links', () => {
    const html = clean(
      '<img src="cid:image001.png@01DA" alt="x"> <a href="https://fabrikam.example/doc">doc</a>',
    );
    expect(html).toContain('src="/att/image001.png@01DA"');
    expect(html).toContain(
      'href="https://fabrikam.example/doc" target="_blank" rel="noopener noreferrer nofollow"',
    );
  });

  it('drops hidden content instead of smuggling it to agents', () => {
    expect(clean('<div style="display:none">secret instructions</div>visible')).toBe('visible');
  });
});
