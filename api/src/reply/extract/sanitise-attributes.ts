import type { Element } from 'domhandler';
import {
  GLOBAL_ATTRIBUTES,
  SAFE_CSS_PROPERTIES,
  SAFE_DATA_IMAGE,
  SAFE_HREF,
  TAG_ATTRIBUTES,
  UNSAFE_CSS_VALUE,
} from './sanitise-allowlist.js';

// One element's attributes through the allowlist (sanitise-allowlist.ts): links and image sources checked after the
// characters that hide a scheme are removed, styles kept per declaration, inline images pointed at our attachment URLs.

export type SanitiseOptions = {
  /** Maps an inline image's content id to the URL we serve it from; undefined drops the image. Without it `cid:` stays. */
  rewriteCid?: (contentId: string) => string | undefined;
  /** Remote images load from the sender's server (a tracking beacon); by default only their alt text is kept. */
  remoteImages?: 'keep' | 'drop';
  /** Deeper nesting than this is flattened (its text kept), so hostile input cannot produce a 100k-deep tree. */
  maxDepth?: number;
};

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Control and invisible characters are how "java\tscript:" and friends slip past scheme checks.
export function urlForCheck(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2060\ufeff]/g, '');
}

function safeStyle(style: string): string | undefined {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!SAFE_CSS_PROPERTIES.has(property) || !value || UNSAFE_CSS_VALUE.test(value)) continue;
    kept.push(`${property}:${value}`);
  }
  return kept.length > 0 ? kept.join(';') : undefined;
}

type ImageDecision = { src: string } | { alt: string } | undefined;

export function imageSource(element: Element, options: SanitiseOptions): ImageDecision {
  const raw = element.attribs['src'] ?? '';
  const src = urlForCheck(raw);
  const alt = element.attribs['alt'] ?? '';
  if (/^cid:/i.test(src)) {
    if (!options.rewriteCid) return { src };
    const rewritten = options.rewriteCid(contentIdOf(src));
    return rewritten ? { src: rewritten } : alt ? { alt } : undefined;
  }
  if (SAFE_DATA_IMAGE.test(raw.trim())) return { src: raw.trim() };
  if (/^https?:/i.test(src) && options.remoteImages === 'keep') return { src };
  return alt ? { alt } : undefined;
}

/** "cid:image001.png@01D9..." -> "image001.png@01D9..." (angle brackets and URL escapes removed). */
export function contentIdOf(cidUrl: string): string {
  const value = cidUrl.replace(/^cid:/i, '').trim();
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // a stray "%" is just part of the id
  }
  return decoded.replace(/^<|>$/g, '');
}

export function attributes(element: Element, options: SanitiseOptions): string | undefined {
  const allowed = TAG_ATTRIBUTES[element.name];
  let out = '';
  for (const name in element.attribs) {
    const value = element.attribs[name] ?? '';
    if (name === 'src' || name === 'href') continue;
    if (!GLOBAL_ATTRIBUTES.has(name) && !allowed?.has(name)) continue;
    if (name === 'style') {
      const style = safeStyle(value);
      if (style) out += ` style="${escapeAttribute(style)}"`;
      continue;
    }
    out += ` ${name}="${escapeAttribute(value)}"`;
  }
  if (element.name === 'a') {
    const href = urlForCheck(element.attribs['href'] ?? '');
    if (SAFE_HREF.test(href))
      out += ` href="${escapeAttribute(href)}" target="_blank" rel="noopener noreferrer nofollow"`;
  }
  if (element.name === 'img') {
    const image = imageSource(element, options);
    if (!image) return undefined;
    if ('alt' in image) return undefined;
    out += ` src="${escapeAttribute(image.src)}"`;
  }
  return out;
}
