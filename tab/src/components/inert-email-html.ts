// Email and note HTML is sanitised by the API; we still treat it as hostile. It is parsed into an inert
// document (DOMParser runs no script and loads nothing), anything active is removed again, and remote
// images are dropped so opening a note never tells a sender that it was read.

const ACTIVE_ELEMENTS = 'script, noscript, template, meta, base, link, iframe, frame, frameset, object, embed, applet, form, input, button, select, textarea, portal';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'cite', 'longdesc', 'ping'];
const SAFE_LINK = /^(https?:|mailto:|#)/i;
const SAFE_IMAGE = /^(data:image\/(png|gif|jpe?g|webp);|cid:)/i;

export type InertHtml = { html: string; blockedImages: number };

export function inertEmailHtml(source: string): InertHtml {
  const doc = new DOMParser().parseFromString(source, 'text/html');
  for (const element of Array.from(doc.querySelectorAll(ACTIVE_ELEMENTS))) element.remove();
  let blockedImages = 0;
  for (const element of Array.from(doc.body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcset' || name === 'srcdoc') element.removeAttribute(attribute.name);
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
  return { html: doc.body.innerHTML, blockedImages };
}
