import { Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TMailAccount } from '../../../../../api/src/contract/mail-account';
import { RadioField } from '../../../components/radio-field';
import { portForSecurity, type AccountDraft, type AuthMethod, type Security } from './account-draft';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: 'start',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Side = {
  prefix: 'incoming' | 'outgoing';
  label: string;
  security: Record<Security, string>;
  ports: { tls: string; starttls: string };
};

const SIDES: Side[] = [
  {
    prefix: 'incoming',
    label: 'Incoming',
    security: { tls: 'IMAPS: TLS from the start (port 993)', starttls: 'STARTTLS (port 143)' },
    ports: { tls: '993', starttls: '143' },
  },
  {
    prefix: 'outgoing',
    label: 'Outgoing',
    security: { tls: 'TLS from the start (port 465)', starttls: 'STARTTLS (port 587)' },
    ports: { tls: '465', starttls: '587' },
  },
];
const AUTH_METHODS: Record<AuthMethod, string> = {
  oauth2: 'OAuth 2.0 (XOAUTH2) with the app registration below: Microsoft 365',
  password: 'User name and password (servers that still allow it)',
};

type Props = {
  draft: AccountDraft;
  set: <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) => void;
  onChange: (next: AccountDraft) => void;
  text: (key: keyof AccountDraft) => {
    value: string;
    disabled: boolean;
    onChange: (_: unknown, data: { value: string }) => void;
  };
  account?: TMailAccount;
  problems: Record<string, string>;
  disabled: boolean;
};

/** The incoming and outgoing servers of an IMAP/SMTP account, and how it signs in. */
export function ImapSmtpFields({ draft, set, onChange, text, account, problems, disabled }: Props) {
  const styles = useStyles();
  const password = account?.password;
  return (
    <>
      <Text className={styles.muted}>
        For Microsoft 365 the incoming host is outlook.office365.com and the outgoing host smtp.office365.com.
        Older setup guides write “smtp.office.365.com”: that is a typo, the host does not exist.
      </Text>
      {SIDES.map((side) => (
        <ServerFields
          key={side.prefix}
          side={side}
          draft={draft}
          onChange={onChange}
          text={text}
          problems={problems}
          disabled={disabled}
        />
      ))}
      <RadioField
        label="Authentication"
        options={AUTH_METHODS}
        value={draft.authMethod}
        onChange={(value) => set('authMethod', value)}
        validationMessage={problems.authMethod}
        disabled={disabled}
      />
      <div className={styles.grid}>
        <Field
          label="User name"
          validationMessage={problems.username}
          hint="The IMAP/SMTP sign-in name; empty means the email address."
        >
          <Input {...text('username')} placeholder={draft.emailAddress} />
        </Field>
        {draft.authMethod === 'password' ? (
          <Field
            label="Password"
            validationMessage={problems.password}
            hint={
              password?.isSet
                ? 'Set. Leave empty to keep it; type a new one to replace it.'
                : 'Stored encrypted and never shown again.'
            }
          >
            <Input
              type="password"
              autoComplete="new-password"
              {...text('password')}
              placeholder={password?.isSet ? '••••••••' : ''}
            />
          </Field>
        ) : (
          <Field
            label="OAuth scope"
            validationMessage={problems.oauthScope}
            hint="Exchange Online's: the app needs IMAP.AccessAsApp and SMTP.SendAsApp with admin consent."
          >
            <Input {...text('oauthScope')} />
          </Field>
        )}
        <Field
          label="Trusted Authentication-Results server"
          validationMessage={problems.authservIds}
          hint="The name your receiving mail server writes first in its Authentication-Results header; several separated by commas; empty means the incoming host. Replies tied to an SR only by its number file only when that server authenticated the sender."
        >
          <Input {...text('authservIds')} placeholder={draft.incomingHost} />
        </Field>
      </div>
    </>
  );
}

/** Host, port and security of one side; choosing a security moves a usual port along with it. */
function ServerFields({
  side,
  draft,
  onChange,
  text,
  problems,
  disabled,
}: Pick<Props, 'draft' | 'onChange' | 'text' | 'problems' | 'disabled'> & { side: Side }) {
  const styles = useStyles();
  const host = `${side.prefix}Host` as const;
  const port = `${side.prefix}Port` as const;
  const security = `${side.prefix}Security` as const;
  return (
    <>
      <div className={styles.grid}>
        <Field
          label={`${side.label} host (${side.prefix === 'incoming' ? 'IMAP' : 'SMTP'})`}
          required
          validationMessage={problems[host]}
        >
          <Input {...text(host)} />
        </Field>
        <Field label={`${side.label} port`} required validationMessage={problems[port]}>
          <Input type="number" min={1} max={65535} {...text(port)} />
        </Field>
      </div>
      <RadioField
        label={`${side.label} security`}
        options={side.security}
        value={draft[security]}
        onChange={(value) =>
          onChange({ ...draft, [security]: value, [port]: portForSecurity(draft[port], value, side.ports) })
        }
        validationMessage={problems[security]}
        disabled={disabled}
      />
    </>
  );
}
