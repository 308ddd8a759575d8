import { Card, CardHeader, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { TMailCenterItem } from '../../../../api/src/contract/mail-center';
import { ErrorBar } from '../../components/error-bar';
import { FactsList } from '../../components/facts-list';
import { formatAddress, formatAddresses, formatDateTime } from '../../components/formatters';
import { SafeHtmlFrame } from '../../components/safe-html-frame';
import { useResource } from '../../components/use-resource';
import { useDesk } from '../../session/desk-context';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  preview: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The email itself: who, when, and the whole body with its line breaks, in the same safe frame as notes. */
export function MailItemEmailCard(props: { item: TMailCenterItem }) {
  const styles = useStyles();
  const { api } = useDesk();
  const { item } = props;
  const original = useResource((signal) => api.viewMailCenterOriginal(item.id, signal), [api, item.id]);
  return (
    <Card className={styles.card}>
      <CardHeader header={<Subtitle2 as="h2">The email</Subtitle2>} />
      <FactsList
        facts={[
          { label: 'From', value: formatAddress(item.from) },
          { label: 'To', value: formatAddresses(item.to) || '—' },
          item.cc.length > 0 && { label: 'Cc', value: formatAddresses(item.cc) },
          { label: 'Received', value: `${formatDateTime(item.receivedAt)} in ${item.mailbox}` },
        ]}
      />
      {original.isLoading && !original.data && <Spinner size="tiny" label="Reading the email…" />}
      {original.data && (
        <SafeHtmlFrame html={original.data.bodyHtml} title={`Email from ${formatAddress(item.from)}`} />
      )}
      {original.error && (
        <>
          <ErrorBar
            error={original.error}
            title="The whole email could not be shown; its beginning follows"
            onRetry={original.reload}
          />
          <Text className={styles.preview} aria-label="Beginning of the email">
            {item.bodyPreview || '(no text)'}
          </Text>
        </>
      )}
    </Card>
  );
}
