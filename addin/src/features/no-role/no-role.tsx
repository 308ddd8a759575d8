import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { User } from '../../session/use-boot';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

/** Signed in, but not a service desk agent: say who they are, what is missing and who can fix it. */
export function NoRole(props: { user: User; message: string; onSignOut?: (() => void) | undefined }) {
  const styles = useStyles();
  return (
    <main className={styles.root} data-state="no-role">
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>You are not a service desk agent</MessageBarTitle>
          You are signed in as {props.user.name} ({props.user.upn}). {props.message}
        </MessageBarBody>
      </MessageBar>
      <Body1>
        Filing emails on Service Requests needs the <strong>ServiceDesk.Agent</strong> role. Ask your
        Microsoft 365 admin to assign it under Microsoft Entra admin center &gt; Enterprise applications &gt;
        Service Messaging &gt; Users and groups, then open the pane again.
      </Body1>
      {props.onSignOut && (
        <div>
          <Button onClick={props.onSignOut}>Sign in as someone else</Button>
        </div>
      )}
    </main>
  );
}
