import sanitizeHtml from 'sanitize-html';

// Agents type plain text or paste HTML. Either way what we store renders safely anywhere:
// only formatting tags survive, links are http(s)/mailto, and nothing can run or load remote content.
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'div',
    'span',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};

const looksLikeHtml = (body: string): boolean => /<\/?[a-z][\s\S]*?>/i.test(body);

export function noteBody(body: string): { bodyHtml: string; bodyText: string } {
  if (!looksLikeHtml(body)) {
    const escaped = sanitizeHtml(body, { allowedTags: [], allowedAttributes: {} });
    const bodyHtml = escaped
      .split(/\n{2,}/)
      .map((para) => `<p>${para.replace(/\n/g, '<br>')}</p>`)
      .join('');
    return { bodyHtml, bodyText: body };
  }
  const bodyHtml = sanitizeHtml(body, ALLOWED);
  const bodyText = sanitizeHtml(bodyHtml.replace(/<(br|\/p|\/div|\/li|\/tr)>/gi, '\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { bodyHtml, bodyText };
}
