import {
  Button,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Persona,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TPerson } from '../../../../api/src/contract/common';
import { FormDialog } from '../../components/form-dialog';
import { useDesk } from '../../session/desk-context';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function AssigneeControl(props: {
  labelledBy: string;
  assignee?: TPerson;
  disabled: boolean;
  onAssign: (assignee: TPerson | null) => void;
}) {
  const styles = useStyles();
  const { session } = useDesk();
  const [isPicking, setIsPicking] = useState(false);
  // The assign dialog opens from the menu; closing it returns focus to the Change button.
  const restoreFocusTarget = useRestoreFocusTarget();
  const isMine = props.assignee?.email.toLowerCase() === session.user.upn.toLowerCase();

  return (
    <div className={styles.root}>
      {props.assignee ? (
        <Persona
          size="small"
          name={props.assignee.name}
          secondaryText={props.assignee.email}
          avatar={{ color: 'colorful' }}
        />
      ) : (
        <span>Unassigned</span>
      )}
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button
            size="small"
            icon={<ChevronDownRegular />}
            iconPosition="after"
            disabled={props.disabled}
            aria-describedby={props.labelledBy}
            {...restoreFocusTarget}
          >
            Change
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {!isMine && (
              <MenuItem onClick={() => props.onAssign({ name: session.user.name, email: session.user.upn })}>
                Assign to me
              </MenuItem>
            )}
            <MenuItem onClick={() => setIsPicking(true)}>Assign to someone else…</MenuItem>
            {props.assignee && <MenuItem onClick={() => props.onAssign(null)}>Unassign</MenuItem>}
          </MenuList>
        </MenuPopover>
      </Menu>
      {isPicking && (
        <AssignDialog
          onClose={() => setIsPicking(false)}
          onAssign={(person) => {
            setIsPicking(false);
            props.onAssign(person);
          }}
        />
      )}
    </div>
  );
}

function AssignDialog(props: { onClose: () => void; onAssign: (person: TPerson) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  return (
    <FormDialog
      title="Assign to an agent"
      submitLabel="Assign"
      isSubmitDisabled={!name.trim() || !email.trim()}
      onSubmit={() => props.onAssign({ name: name.trim(), email: email.trim() })}
      onClose={props.onClose}
    >
      <Field label="Name" required>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label="Email" required>
        <Input type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
      </Field>
    </FormDialog>
  );
}
