import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { TAddinLookup } from '../../../../api/src/contract/addin';
import { formatDateTime } from '../../components/format';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** Where the email stands: filed (with links to the notes), waiting in the Mail Center (and why), or not filed. */
export function Standing(props: { lookup: TAddinLookup }) {
  const styles = useStyles();
  const { lookup } = props;
  if (lookup.state === 'filed') {
    return (
      <MessageBar intent="success" layout="multiline" data-standing="filed">
        <MessageBarBody>
          <MessageBarTitle>Filed</MessageBarTitle>
          <ul className={styles.list}>
            {lookup.filings.map((f) => (
              <li key={f.noteId}>
                On{' '}
                <Link href={f.noteUrl} target="_blank" rel="noreferrer">
                  {f.number} · {f.title}
                </Link>{' '}
                ({f.status}), {formatDateTime(f.filedAt)} by {f.filedBy}
              </li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (lookup.state === 'mail-center' && lookup.mailCenter) {
    return (
      <MessageBar intent="warning" layout="multiline" data-standing="mail-center">
        <MessageBarBody>
          <MessageBarTitle>In the Mail Center</MessageBarTitle>
          {lookup.mailCenter.reasonText}
          <ul className={styles.list}>
            {lookup.mailCenter.evidence.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline" data-standing="unknown">
      <MessageBarBody>
        <MessageBarTitle>Not filed yet</MessageBarTitle>
        {lookup.summary}
      </MessageBarBody>
    </MessageBar>
  );
}
