import { Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { TList } from '../../../../api/src/contract/common';
import type { THistoryEntry } from '../../../../api/src/contract/history';
import { RelativeTime } from '../../components/relative-time';
import { LoadState } from '../../components/load-state';
import { PanelCard } from '../../components/panel-card';
import type { Resource } from '../../components/use-resource';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  email: { borderLeftColor: tokens.colorBrandStroke1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The audit trail, newest first: what changed, who did it (the mail engine included), and when. */
export function HistoryPanel(props: { history: Resource<TList<THistoryEntry>> }) {
  const styles = useStyles();
  const { history } = props;
  return (
    <PanelCard title="History" headingId="history-heading">
      <LoadState
        resource={history}
        loadingLabel="Loading history…"
        failedTitle="History could not be loaded"
      />
      {history.data && (
        <ol className={styles.list}>
          {history.data.items.map((entry) => (
            <li
              key={entry.id}
              className={
                entry.kind === 'note-from-email' ? mergeClasses(styles.entry, styles.email) : styles.entry
              }
            >
              <Text>{entry.summary}</Text>
              <Caption1 className={styles.muted}>
                {entry.actor.name} · <RelativeTime iso={entry.at} />
              </Caption1>
            </li>
          ))}
        </ol>
      )}
    </PanelCard>
  );
}
