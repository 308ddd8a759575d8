import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ImageOffRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useActiveTheme } from '../theme/active-theme';
import { inertEmailHtml } from './inert-email-html';

// The frame's own policy on top of the page's: nothing may load except inline styles and inline images.
const FRAME_CSP = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:";

const useStyles = makeStyles({
  frame: { display: 'block', width: '100%', border: 'none', backgroundColor: 'transparent' },
  blocked: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    marginTop: tokens.spacingVerticalXS,
  },
});

/**
 * Renders note and email HTML in a sandboxed iframe without `allow-scripts`: even if something active
 * survived both sanitisers, it cannot run. `allow-same-origin` (without scripts) only lets this
 * component measure the content's height; `allow-popups*` lets links open in a new browser tab.
 */
export function SafeHtmlFrame(props: { html: string; title: string }) {
  const styles = useStyles();
  const { theme, name } = useActiveTheme();
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(24);
  const { html, blockedImages } = useMemo(
    () =>
      inertEmailHtml(props.html, {
        foreground: theme.colorNeutralForeground1,
        background: theme.colorNeutralBackground1,
      }),
    [props.html, theme],
  );
  const colorScheme = name === 'light' ? 'light' : 'dark';

  const srcDoc = useMemo(
    () =>
      `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">` +
      `<base target="_blank"><style>:root{color-scheme:${colorScheme}}` +
      `body{margin:0;font-family:${theme.fontFamilyBase};font-size:${theme.fontSizeBase300};line-height:${theme.lineHeightBase300};` +
      `color:${theme.colorNeutralForeground1};background:transparent;overflow-wrap:anywhere}` +
      `a{color:${theme.colorBrandForegroundLink}}p{margin:0 0 8px}blockquote{margin:0 0 8px 4px;padding-left:8px;` +
      `border-left:3px solid ${theme.colorNeutralStroke1};color:${theme.colorNeutralForeground2}}` +
      `img{max-width:100%;height:auto}table{max-width:100%;border-collapse:collapse}pre{white-space:pre-wrap}</style>` +
      `</head><body>${html}</body></html>`,
    [html, theme, colorScheme],
  );

  const measure = useCallback(() => {
    const doc = frame.current?.contentDocument;
    if (doc?.documentElement) setHeight(Math.max(doc.documentElement.scrollHeight, 20));
  }, []);

  // Reflow when the column width changes (window resize, side panel) so text is never cut off.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);

  return (
    <>
      <iframe
        ref={frame}
        className={styles.frame}
        title={props.title}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={srcDoc}
        style={{ height, colorScheme }}
        onLoad={measure}
      />
      {blockedImages > 0 && (
        <Caption1 className={styles.blocked}>
          <ImageOffRegular aria-hidden />
          {blockedImages === 1 ? '1 image was not loaded' : `${blockedImages} images were not loaded`} to
          protect your privacy (remote content is blocked).
        </Caption1>
      )}
    </>
  );
}
