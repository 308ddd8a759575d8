import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
import type { Outcome } from './outcome';

export function OutcomeBar(props: { outcome: Outcome }) {
  const { outcome } = props;
  if (outcome.intent === 'error') return <ErrorBar error={outcome.error} title={outcome.title} />;
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.text}{' '}
        {outcome.href && (
          <Link href={outcome.href} target="_blank" rel="noreferrer">
            Open the note
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
