import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TMailCenterItem } from '../../../../api/src/contract/mail-center';
import { formatDateTime } from '../../components/formatters';
import { requestHref } from '../../routing/route';
import { STATE_LABELS } from './mail-center-labels';
import { reasonSentence } from './reason-sentence';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  evidence: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const srNumber = (id: number): string => `SR-${String(id).padStart(6, '0')}`;

/** The reason in a sentence, the one-click answers for a reply to a closed SR, and the evidence folded below. */
export function WhyHeldCard(props: {
  item: TMailCenterItem;
  pending: string | undefined;
  onFile: (status: 'reopen' | 'keep') => void;
}) {
  const styles = useStyles();
  const { item } = props;
  const [isEvidenceOpen, setIsEvidenceOpen] = useState(false);
  const isOpen = item.state === 'open';
  const isBusy = props.pending !== undefined;
  const target = item.candidateRequestIds[0];

  return (
    <Card className={styles.card}>
      <CardHeader
        header={<Subtitle2 as="h2">Why it is here</Subtitle2>}
        action={
          <Badge appearance="tint" color={isOpen ? 'warning' : 'informative'}>
            {STATE_LABELS[item.state]}
          </Badge>
        }
      />
      <Body1>{reasonSentence(item)}</Body1>
      {isOpen && item.reason === 'sr-closed' && target !== undefined && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={isBusy}
            icon={props.pending === 'reopen' ? <Spinner size="tiny" /> : undefined}
            onClick={() => props.onFile('reopen')}
          >
            Reopen {srNumber(target)} and file
          </Button>
          <Button
            disabled={isBusy}
            icon={props.pending === 'keep' ? <Spinner size="tiny" /> : undefined}
            onClick={() => props.onFile('keep')}
          >
            File without reopening
          </Button>
        </div>
      )}
      <div>
        <Button
          appearance="subtle"
          size="small"
          icon={isEvidenceOpen ? <ChevronUpRegular /> : <ChevronDownRegular />}
          aria-expanded={isEvidenceOpen}
          onClick={() => setIsEvidenceOpen((open) => !open)}
        >
          {isEvidenceOpen ? 'Hide the evidence' : `Show the evidence (${item.evidence.length})`}
        </Button>
        {isEvidenceOpen && (
          <ul className={styles.evidence} aria-label="Evidence">
            {item.evidence.map((line) => (
              <li key={line}>
                <Caption1>{line}</Caption1>
              </li>
            ))}
          </ul>
        )}
      </div>
      {item.resolution && (
        <Caption1>
          {STATE_LABELS[item.state]} by {item.resolution.by.name}, {formatDateTime(item.resolution.at)}
          {item.resolution.requestId && (
            <>
              {' · '}
              <Link href={requestHref(srNumber(item.resolution.requestId))}>
                Open {srNumber(item.resolution.requestId)}
              </Link>
            </>
          )}
        </Caption1>
      )}
    </Card>
  );
}
