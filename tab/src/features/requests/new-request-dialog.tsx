import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TCreateServiceRequest } from '../../../../api/src/contract/service-request';
import { ErrorBar } from '../../components/error-bar';
import { fieldErrors } from '../../components/field-errors';
import { useNotify } from '../../components/use-notify';
import { requestHref } from '../../routing/route';
import { navigate } from '../../routing/use-hash-route';
import { useDesk } from '../../session/desk-context';
import { splitEmails } from './split-emails';

const PRIORITIES = ['Low', 'Medium', 'High', 'Critical'] as const;
type Priority = (typeof PRIORITIES)[number];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM, alignItems: 'start' },
});

export function NewRequestDialog(props: { onClose: () => void }) {
  const styles = useStyles();
  const { api, session } = useDesk();
  const notify = useNotify();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [requesterName, setRequesterName] = useState('');
  const [requesterEmail, setRequesterEmail] = useState('');
  const [participants, setParticipants] = useState('');
  const [priority, setPriority] = useState<Priority>('Medium');
  const [isAssignedToMe, setIsAssignedToMe] = useState(true);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const problems = fieldErrors(error);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    const body: TCreateServiceRequest = {
      title,
      description,
      requester: { name: requesterName, email: requesterEmail },
      participants: splitEmails(participants),
      priority,
      ...(isAssignedToMe ? { assignee: { name: session.user.name, email: session.user.upn } } : {}),
    };
    try {
      const created = await api.createRequest(body);
      notify(`${created.number} created`);
      props.onClose();
      navigate(requestHref(created.number));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setIsSaving(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={handleSubmit}>
          <DialogBody>
            <DialogTitle>New service request</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Title" required validationMessage={problems.title}>
                <Input value={title} onChange={(_, data) => setTitle(data.value)} maxLength={200} />
              </Field>
              <Field label="Description" validationMessage={problems.description}>
                <Textarea value={description} onChange={(_, data) => setDescription(data.value)} resize="vertical" rows={4} />
              </Field>
              <div className={styles.row}>
                <Field label="Requester name" required validationMessage={problems.requester}>
                  <Input value={requesterName} onChange={(_, data) => setRequesterName(data.value)} />
                </Field>
                <Field label="Requester email" required>
                  <Input type="email" value={requesterEmail} onChange={(_, data) => setRequesterEmail(data.value)} />
                </Field>
              </div>
              <Field label="Participants" hint="Other people who may reply by email; separate addresses with commas." validationMessage={problems.participants}>
                <Input value={participants} onChange={(_, data) => setParticipants(data.value)} placeholder="name@example.com, other@example.com" />
              </Field>
              <Field label="Priority">
                <Dropdown value={priority} selectedOptions={[priority]} onOptionSelect={(_, data) => setPriority((data.optionValue as Priority | undefined) ?? 'Medium')}>
                  {PRIORITIES.map((p) => (
                    <Option key={p}>{p}</Option>
                  ))}
                </Dropdown>
              </Field>
              <Checkbox label="Assign to me" checked={isAssignedToMe} onChange={(_, data) => setIsAssignedToMe(data.checked === true)} />
              {error && <ErrorBar error={error} title="The service request was not created" />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onClose} disabled={isSaving}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={isSaving} icon={isSaving ? <Spinner size="tiny" /> : undefined}>
                Create
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
