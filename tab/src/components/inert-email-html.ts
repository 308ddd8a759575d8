import { adaptEmailColours, type Palette } from './adapt-email-colours';

// Email and note HTML is sanitised by the API; we still treat it as hostile. It is parsed into an inert
// document (DOMParser runs no script and loads nothing), anything active is removed again, and remote
// images are dropped so opening a note never tells a sender that it was read.

const ACTIVE_ELEMENTS =
  'script, noscript, template, meta, base, link, iframe, frame, frameset, object, embed, applet, form, input, button, select, textarea, portal';
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'background',
  'poster',
  'cite',
  'longdesc',
  'ping',
];
const SAFE_LINK = /^(https?:|mailto:|#)/i;
const SAFE_IMAGE = /^(data:image\/(png|gif|jpe?g|webp);|cid:)/i;
// CSS can load remote resources too (background images, @import, fonts): those go, the rest of the style stays.
const CSS_URL = /url\s*\([^)]*\)/gi;
const CSS_IMPORT = /@import[^;]*;?/gi;
const withoutRemoteCss = (css: string): string => css.replace(CSS_IMPORT, '').replace(CSS_URL, 'none');
// Even an inert document checks event-handler attributes against the page's CSP as it parses them, and
// reports each one as an error. Renamed first, they arrive as plain data attributes and are dropped below.
const HANDLER_ATTRIBUTE = /([\s/"'])(on[a-z]+\s*=)/gi;
const BLOCKED_PREFIX = 'data-blocked-';

export type InertHtml = { html: string; blockedImages: number };

/** With a palette, colours unreadable on the theme are dropped too (adapt-email-colours.ts). */
export function inertEmailHtml(source: string, palette?: Palette): InertHtml {
  const doc = new DOMParser().parseFromString(
    source.replace(HANDLER_ATTRIBUTE, `$1${BLOCKED_PREFIX}$2`),
    'text/html',
  );
  for (const element of Array.from(doc.querySelectorAll(ACTIVE_ELEMENTS))) element.remove();
  for (const style of Array.from(doc.querySelectorAll('style')))
    style.textContent = withoutRemoteCss(style.textContent ?? '');
  let blockedImages = 0;
  for (const element of Array.from(doc.body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name.startsWith(BLOCKED_PREFIX) || name === 'srcset' || name === 'srcdoc')
        element.removeAttribute(attribute.name);
      else if (name === 'style') element.setAttribute('style', withoutRemoteCss(attribute.value));
    }
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name)?.trim();
      if (value === undefined) continue;
      const isImage = element.localName === 'img' && name === 'src';
      if (isImage ? SAFE_IMAGE.test(value) : name === 'href' && SAFE_LINK.test(value)) continue;
      element.removeAttribute(name);
      if (isImage) {
        blockedImages += 1;
        element.setAttribute('alt', element.getAttribute('alt') || 'Remote image blocked');
      }
    }
    if (element.localName === 'a' && element.hasAttribute('href')) {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
  }
  if (palette) adaptEmailColours(doc.body, palette);
  // An email's <style> in its <head> still formats its body.
  const headStyles = Array.from(doc.head.querySelectorAll('style'), (style) => style.outerHTML).join('');
  return { html: headStyles + doc.body.innerHTML, blockedImages };
}
