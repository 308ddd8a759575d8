import { Caption1, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TAddinEmail } from '../../../../api/src/contract/addin-email';
import { formatDateTime } from '../../components/format';

const useStyles = makeStyles({
  subject: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export function EmailSummary(props: { email: TAddinEmail }) {
  const styles = useStyles();
  const { email } = props;
  const sender = email.from.name ? `${email.from.name} <${email.from.address}>` : email.from.address;
  return (
    <Card appearance="filled-alternative" size="small" aria-label="The open email">
      <Text className={styles.subject}>{email.subject || '(no subject)'}</Text>
      <Caption1 className={styles.meta}>
        From {sender} · {formatDateTime(email.receivedAt)}
        {email.mailbox ? ` · in ${email.mailbox}` : ''}
      </Caption1>
    </Card>
  );
}
