import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { AddinApi } from '../../api/addin-api';
import type { DemoMailboxHost } from '../../host/demo-mailbox';
import { useDemoRoute } from '../../routing/use-hash-route';
import type { User } from '../../session/use-boot';
import { EmailPane } from '../pane/email-pane';
import { DemoMailboxList } from './demo-mailbox-list';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', minHeight: '100vh' },
  mailbox: { flex: '1 1 20rem', minWidth: 0, padding: tokens.spacingHorizontalL, boxSizing: 'border-box' },
  // Roughly Outlook's task pane width, so the demo shows the layout agents get.
  pane: {
    flex: '0 0 24rem',
    maxWidth: '100%',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
});

/** Demo mode in a browser: a mailbox on the left standing in for Outlook, the task pane on the right. */
export function DemoMailboxPage(props: {
  api: AddinApi;
  host: DemoMailboxHost;
  user: User;
  onSignOut?: (() => void) | undefined;
}) {
  const styles = useStyles();
  const { host } = props;
  const [route, navigate] = useDemoRoute();

  useEffect(() => {
    if (route.mailbox && route.messageId) host.open(route.mailbox, route.messageId);
    else host.close();
  }, [host, route.mailbox, route.messageId]);

  return (
    <div className={styles.root}>
      <div className={styles.mailbox}>
        <DemoMailboxList api={props.api} user={props.user} route={route} onNavigate={navigate} />
      </div>
      <div className={styles.pane}>
        <EmailPane api={props.api} host={host} user={props.user} onSignOut={props.onSignOut} />
      </div>
    </div>
  );
}
