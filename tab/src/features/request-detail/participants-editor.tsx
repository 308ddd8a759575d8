import {
  Button,
  Field,
  Input,
  InteractionTag,
  InteractionTagPrimary,
  InteractionTagSecondary,
  makeStyles,
  TagGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { splitEmails } from '../requests/split-emails';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  add: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  input: { minWidth: '260px' },
  muted: { color: tokens.colorNeutralForeground3 },
  tags: { display: 'flex', flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
});

/** Participants may reply by email and have it filed (sender policy); the requester always may. */
export function ParticipantsEditor(props: {
  participants: string[];
  disabled: boolean;
  onChange: (participants: string[], done: string) => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');

  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    const added = splitEmails(text).filter((email) => !props.participants.includes(email.toLowerCase()));
    if (added.length === 0) return;
    props.onChange(
      [...props.participants, ...added],
      added.length === 1 ? `${added[0]} added` : `${added.length} participants added`,
    );
    setText('');
  };

  return (
    <section className={styles.root} aria-labelledby="participants-heading">
      <Text id="participants-heading" weight="semibold">
        Participants
      </Text>
      {props.participants.length === 0 ? (
        <Text className={styles.muted}>
          No participants. Add the people who may reply by email besides the requester.
        </Text>
      ) : (
        <TagGroup
          className={styles.tags}
          aria-labelledby="participants-heading"
          onDismiss={(_, data) =>
            props.onChange(
              props.participants.filter((p) => p !== data.value),
              `${data.value} removed`,
            )
          }
        >
          {props.participants.map((email) => (
            <InteractionTag key={email} value={email} disabled={props.disabled} appearance="outline">
              <InteractionTagPrimary hasSecondaryAction>{email}</InteractionTagPrimary>
              <InteractionTagSecondary aria-label={`Remove ${email}`} />
            </InteractionTag>
          ))}
        </TagGroup>
      )}
      <form className={styles.add} onSubmit={handleAdd} noValidate>
        <Field label="Add participant" className={styles.input}>
          <Input
            type="text"
            value={text}
            onChange={(_, data) => setText(data.value)}
            placeholder="name@example.com"
            disabled={props.disabled}
          />
        </Field>
        <Button type="submit" icon={<AddRegular />} disabled={props.disabled || !text.trim()}>
          Add
        </Button>
      </form>
    </section>
  );
}
