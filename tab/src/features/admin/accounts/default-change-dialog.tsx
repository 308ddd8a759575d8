import { Body1 } from '@fluentui/react-components';
import { ConfirmDialog } from '../../../components/confirm-dialog';

/**
 * Asks before Default moves to another account: it decides where rule emails and the emails agents send from SRs go
 * out from. The API tests the new account's connection when the admin confirms, and changes nothing if it fails.
 */
export function DefaultChangeDialog(props: {
  from: string;
  to: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const to = props.to || 'this account';
  return (
    <ConfirmDialog
      title={`Make ${to} the Default account?`}
      confirmLabel="Test and make Default"
      onConfirm={async () => props.onConfirm()}
      onClose={props.onClose}
    >
      <Body1>
        Rule emails and the emails agents send from SRs go out from the Default account, now {props.from}.
        After the change they go out from {to}.
      </Body1>
      <Body1>
        Service Messaging must be on for {to}, and its Test connection runs first. If either fails, nothing
        changes: {props.from} stays the Default.
      </Body1>
    </ConfirmDialog>
  );
}
