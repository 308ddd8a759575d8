import {
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { TCreateServiceRequest } from '../../../../api/src/contract/service-request';
import { FormDialog } from '../../components/form-dialog';
import { useNotify } from '../../components/use-notify';
import { requestHref } from '../../routing/route';
import { navigate } from '../../routing/use-hash-route';
import { useDesk } from '../../session/desk-context';
import { splitEmails } from './split-emails';

const PRIORITIES = ['Low', 'Medium', 'High', 'Critical'] as const;
type Priority = (typeof PRIORITIES)[number];

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
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

  const handleSubmit = async () => {
    const body: TCreateServiceRequest = {
      title,
      description,
      requester: { name: requesterName, email: requesterEmail },
      participants: splitEmails(participants),
      priority,
      ...(isAssignedToMe ? { assignee: { name: session.user.name, email: session.user.upn } } : {}),
    };
    const created = await api.createRequest(body);
    notify(`${created.number} created`);
    navigate(requestHref(created.number));
  };

  return (
    <FormDialog
      title="New service request"
      submitLabel="Create"
      failedTitle="The service request was not created"
      onSubmit={handleSubmit}
      onClose={props.onClose}
    >
      {(problems) => (
        <>
          <Field label="Title" required validationMessage={problems.title}>
            <Input value={title} onChange={(_, data) => setTitle(data.value)} maxLength={200} />
          </Field>
          <Field label="Description" validationMessage={problems.description}>
            <Textarea
              value={description}
              onChange={(_, data) => setDescription(data.value)}
              resize="vertical"
              rows={4}
            />
          </Field>
          <div className={styles.row}>
            <Field
              label="Requester name"
              required
              validationMessage={problems['requester.name'] ?? problems.requester}
            >
              <Input value={requesterName} onChange={(_, data) => setRequesterName(data.value)} />
            </Field>
            <Field label="Requester email" required validationMessage={problems['requester.email']}>
              <Input
                type="email"
                value={requesterEmail}
                onChange={(_, data) => setRequesterEmail(data.value)}
              />
            </Field>
          </div>
          <Field
            label="Participants"
            hint="Other people who may reply by email; separate addresses with commas."
            validationMessage={problems.participants}
          >
            <Input
              value={participants}
              onChange={(_, data) => setParticipants(data.value)}
              placeholder="name@example.com, other@example.com"
            />
          </Field>
          <Field label="Priority">
            <Dropdown
              value={priority}
              selectedOptions={[priority]}
              onOptionSelect={(_, data) =>
                setPriority((data.optionValue as Priority | undefined) ?? 'Medium')
              }
            >
              {PRIORITIES.map((p) => (
                <Option key={p}>{p}</Option>
              ))}
            </Dropdown>
          </Field>
          <Checkbox
            label="Assign to me"
            checked={isAssignedToMe}
            onChange={(_, data) => setIsAssignedToMe(data.checked === true)}
          />
        </>
      )}
    </FormDialog>
  );
}
