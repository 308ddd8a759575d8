import sanitizeHtml from 'sanitize-html';

// Template bodies are HTML written by admins and sent to customers. They are sanitised on save and again after
// placeholders are filled: formatting, tables, links (http, https, mailto) and https images survive; scripts, event
// handlers, forms, frames, javascript: URLs and CSS beyond a few visual properties do not.
const CSS_VALUE = /^[#a-z0-9(),.%\s'"-]+$/i;
const STYLE = Object.fromEntries(
  [
    'color',
    'background-color',
    'font-family',
    'font-size',
    'font-weight',
    'font-style',
    'text-align',
    'text-decoration',
    'line-height',
    'margin',
    'padding',
    'border',
    'width',
  ].map((property) => [property, [CSS_VALUE]]),
);

const MAIL_HTML: sanitizeHtml.IOptions = {
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
    'small',
    'sub',
    'sup',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'a',
    'img',
    'h1',
    'h2',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'hr',
    'font',
    'center',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align', 'valign', 'width'],
    th: ['colspan', 'rowspan', 'align', 'valign', 'width'],
    table: ['width', 'cellpadding', 'cellspacing', 'border', 'align'],
    font: ['color', 'face', 'size'],
    '*': ['style', 'dir', 'align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedStyles: { '*': STYLE },
  disallowedTagsMode: 'discard',
};

export function sanitiseMailHtml(html: string): string {
  return sanitizeHtml(html, MAIL_HTML).trim();
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/** The plain-text alternative of sanitised mail HTML: block ends become line breaks, links keep their address. */
export function mailHtmlToText(html: string): string {
  const withBreaks = html
    .replace(
      /<a\b[^>]*href="(https?:[^"]*|mailto:[^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
      (_m, href: string, text: string) => `${text} (${href.replace(/^mailto:/i, '')})`,
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|h[1-4]|tr|table|blockquote|pre|ul|ol)>/gi, '\n\n')
    .replace(/<\/t[dh]>/gi, '\t');
  return sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
