// Emails carry their writer's colours: Outlook writes `color: rgb(0,0,0)` (or <font color="black">) on every line,
// which is black on the dark theme's grey. A colour that cannot be read on the theme is dropped, so the text takes
// the theme's own colour; every other colour (a red warning, a brand-blue signature that reads well) is kept.

export type Palette = { foreground: string; background: string };

/** WCAG AA for body text. */
const MIN_CONTRAST = 4.5;

const NAMED: Record<string, [number, number, number]> = {
  black: [0, 0, 0],
  white: [255, 255, 255],
  windowtext: [0, 0, 0],
  window: [255, 255, 255],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
  silver: [192, 192, 192],
  navy: [0, 0, 128],
  darkblue: [0, 0, 139],
  maroon: [128, 0, 0],
  whitesmoke: [245, 245, 245],
  gainsboro: [220, 220, 220],
  lightgray: [211, 211, 211],
  lightgrey: [211, 211, 211],
  dimgray: [105, 105, 105],
  darkgray: [169, 169, 169],
};

/** An sRGB triple from the CSS colours emails use (#rgb, #rrggbb, rgb()/rgba(), a few names); undefined otherwise. */
export function parseColour(value: string): [number, number, number] | undefined {
  const text = value
    .trim()
    .toLowerCase()
    .replace(/\s*!important$/, '');
  if (NAMED[text]) return NAMED[text];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (!rgb) return undefined;
  // A see-through colour shows what is behind it: judged as if opaque, a faint one would be dropped needlessly.
  if (rgb[4] !== undefined && parseFloat(rgb[4]) < (rgb[4].endsWith('%') ? 50 : 0.5)) return undefined;
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const collides = (colour: string, against: [number, number, number] | undefined): boolean => {
  const parsed = parseColour(colour);
  return parsed !== undefined && against !== undefined && contrast(parsed, against) < MIN_CONTRAST;
};

/**
 * Drops, in place, text colours unreadable on the theme's background and background colours the theme's text
 * cannot be read on (inline styles, <font color>, bgcolor). Works on an inert parsed document.
 */
export function adaptEmailColours(root: Element, palette: Palette): void {
  const background = parseColour(palette.background);
  const foreground = parseColour(palette.foreground);
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const style = (element as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (style?.color && collides(style.color, background)) style.removeProperty('color');
    if (style?.backgroundColor && collides(style.backgroundColor, foreground))
      style.removeProperty('background-color');
    const fontColour = element.localName === 'font' ? element.getAttribute('color') : null;
    if (fontColour && collides(fontColour, background)) element.removeAttribute('color');
    const bgcolor = element.getAttribute('bgcolor');
    if (bgcolor && collides(bgcolor, foreground)) element.removeAttribute('bgcolor');
    if (style && element.getAttribute('style') === '') element.removeAttribute('style');
  }
}
