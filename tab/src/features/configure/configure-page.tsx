import { Body1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { enableTabConfiguration } from '../../host/teams';
import { useDesk } from '../../session/desk-context';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

/** The team tab's configuration page (manifest configurableTabs): saving pins the Service Requests view. */
export function ConfigurePage() {
  const styles = useStyles();
  const { host } = useDesk();
  useEffect(() => {
    if (host.kind !== 'teams') return;
    void enableTabConfiguration({
      contentUrl: `${window.location.href.split('#')[0]}#/requests`,
      entityId: 'requests',
      name: 'Service Requests',
    });
  }, [host]);
  return (
    <main className={styles.root}>
      <Title3 as="h1">Add Service Messaging to this team</Title3>
      <Body1>The tab shows the desk's service requests. Select Save to add it.</Body1>
    </main>
  );
}
