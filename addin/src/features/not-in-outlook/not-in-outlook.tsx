import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { MailRegular } from '@fluentui/react-icons';
import type { BootState } from '../../session/use-boot';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '36rem',
  },
  icon: { fontSize: '40px', color: tokens.colorBrandForeground1 },
});

type Reason = Extract<BootState, { phase: 'not-in-outlook' }>['reason'];

const WHY: Record<Reason, string> = {
  'no-office-js':
    "Office's script did not load, so this page cannot reach Outlook. Check that appsforoffice.microsoft.com is not blocked.",
  'no-host': 'This page was opened in a browser, outside Outlook.',
  'other-host': 'This page was opened in an Office app other than Outlook.',
};

/** The pane works on the email open in Outlook; anywhere else it says how to get there. */
export function NotInOutlook(props: { reason: Reason; host?: string | undefined }) {
  const styles = useStyles();
  return (
    <main className={styles.root} data-state="not-in-outlook">
      <MailRegular className={styles.icon} aria-hidden />
      <Subtitle1 as="h1">Open this in Outlook</Subtitle1>
      <Body1>
        {WHY[props.reason]}
        {props.host ? ` (${props.host})` : ''}
      </Body1>
      <Body1>
        In Outlook, open an email and choose <strong>File to SR</strong> on the ribbon (in Outlook on the web
        and the new Outlook, under the message&apos;s <strong>Apps</strong> button). The pane then shows where
        that email stands and which Service Request it belongs to.
      </Body1>
      <Body1>
        Works in Outlook on the web, the new Outlook for Windows, and classic Outlook for Windows (version
        2307 or later).
      </Body1>
    </main>
  );
}
