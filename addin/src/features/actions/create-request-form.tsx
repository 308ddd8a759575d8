import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';

const PRIORITIES = ['Low', 'Medium', 'High', 'Critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** A new SR from the email: the sender becomes the requester, the email its first PUBLIC note. */
export function CreateRequestForm(props: {
  defaultTitle: string;
  requester: string;
  isBusy: boolean;
  /** The API's validation messages by field, from the last attempt. */
  problems: Record<string, string>;
  onCreate: (input: { title: string; priority: Priority }) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [title, setTitle] = useState(props.defaultTitle.slice(0, 200));
  const [priority, setPriority] = useState<Priority>('Medium');
  const [isTried, setIsTried] = useState(false);
  // The API's words for the same check, said before the round trip; shown once the agent tried, like every form.
  const titleProblem = isTried && !title.trim() ? 'Enter a title.' : props.problems.title;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setIsTried(true);
    if (title.trim()) props.onCreate({ title: title.trim(), priority });
  };

  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate aria-label="Create a new SR">
      <Field label="Title" required validationMessage={titleProblem}>
        <Input value={title} maxLength={200} onChange={(_e, data) => setTitle(data.value)} />
      </Field>
      <Field label="Priority" validationMessage={props.problems.priority}>
        <Select value={priority} onChange={(_e, data) => setPriority(data.value as Priority)}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Requester">
        <Input value={props.requester} readOnly />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={props.isBusy}>
          Create SR
        </Button>
        <Button onClick={props.onCancel} disabled={props.isBusy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
