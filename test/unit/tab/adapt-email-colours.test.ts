import { webDarkTheme, webLightTheme, teamsHighContrastTheme } from '@fluentui/react-components';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { adaptEmailColours, contrast, parseColour } from '../../../tab/src/components/adapt-email-colours.js';

// An Outlook reply paints every line black on white; on the dark theme that is black on grey.
const OUTLOOK_REPLY = `
  <div class="WordSection1">
    <p class="MsoNormal"><span style="color: rgb(0,0,0); font-size: 11pt">Hi, the printer still prints blank pages.</span></p>
    <p class="MsoNormal" style="background-color: #ffffff"><font color="black">Regards, Lee</font></p>
    <p class="MsoNormal"><span style="color: #c00000">Urgent: the CEO needs it today.</span></p>
    <table bgcolor="white"><tr><td style="color: windowtext">cell</td></tr></table>
  </div>`;

function adapt(
  html: string,
  theme: { colorNeutralForeground1: string; colorNeutralBackground1: string },
): Document {
  const { document } = new JSDOM(html).window;
  adaptEmailColours(document.body, {
    foreground: theme.colorNeutralForeground1,
    background: theme.colorNeutralBackground1,
  });
  return document;
}

describe('email colours on the theme', () => {
  it('drops black text and white backgrounds on the dark and high-contrast themes, keeping readable colours', () => {
    for (const theme of [webDarkTheme, teamsHighContrastTheme]) {
      const doc = adapt(OUTLOOK_REPLY, theme);
      const spans = doc.querySelectorAll('span');
      expect(spans[0]!.getAttribute('style')).toBe('font-size: 11pt;');
      expect(doc.querySelector('p[style]')).toBeNull();
      expect(doc.querySelector('font')!.hasAttribute('color')).toBe(false);
      expect(doc.querySelector('table')!.hasAttribute('bgcolor')).toBe(false);
      expect(doc.querySelector('td')!.hasAttribute('style')).toBe(false);
      expect(doc.body.textContent).toContain('Hi, the printer still prints blank pages.');
    }
    // Dark red on dark grey fails too: it goes, and the theme's text colour shows instead.
    const red = parseColour('#c00000')!;
    expect(contrast(red, parseColour(webDarkTheme.colorNeutralBackground1)!)).toBeLessThan(4.5);
  });

  it('changes nothing on the light theme, where the email reads as its writer meant', () => {
    const doc = adapt(OUTLOOK_REPLY, webLightTheme);
    expect(doc.querySelectorAll('span')[0]!.getAttribute('style')).toContain('color');
    expect(doc.querySelectorAll('span')[1]!.getAttribute('style')).toContain('color');
    expect(doc.querySelector('font')!.getAttribute('color')).toBe('black');
  });

  it('keeps a colour that reads well on the dark theme, and colours it cannot parse', () => {
    const doc = adapt('<p style="color: #ffd335">Gold</p><p style="color: var(--x)">Var</p>', webDarkTheme);
    expect(doc.querySelectorAll('p')[0]!.getAttribute('style')).toContain('color');
    expect(doc.querySelectorAll('p')[1]!.getAttribute('style')).toContain('var(--x)');
  });

  it('parses the colour forms emails use', () => {
    expect(parseColour('#000')).toEqual([0, 0, 0]);
    expect(parseColour('rgb(255, 255, 255)')).toEqual([255, 255, 255]);
    expect(parseColour('rgba(0,0,0,0.1)')).toBeUndefined();
    expect(parseColour('WindowText')).toEqual([0, 0, 0]);
    expect(parseColour('hsl(0, 0%, 0%)')).toBeUndefined();
  });
});
