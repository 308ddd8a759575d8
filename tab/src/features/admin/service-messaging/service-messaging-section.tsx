import {
  Button,
  Card,
  Dropdown,
  Field,
  Input,
  Option,
  Spinner,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TSettings } from '../../../../../api/src/contract/settings';
import { ErrorBar } from '../../../components/error-bar';
import { isLoaded, LoadState } from '../../../components/load-state';
import { PageHeader } from '../../../components/page-header';
import { RadioField } from '../../../components/radio-field';
import { useNotify } from '../../../components/use-notify';
import { usePendingAction } from '../../../components/use-pending-action';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';
import { BlockListEditor } from './block-list-editor';
import { RateLimitsEditor } from './rate-limits-editor';
import { ReplyPolicyEditor } from './reply-policy-editor';
import { useSectionStyles } from './section-styles';
import { StatusesEditor } from './statuses-editor';

const SENDER_POLICIES: Record<TSettings['senderPolicy'], string> = {
  'participants-only':
    "Participants only: replies from the requester and the SR's participants are filed; mail from anyone else is not",
  review: 'Review: replies from anyone else wait in the Mail Center until an agent links or discards them',
};

const CLOSED_POLICIES: Record<TSettings['closedPolicy'], string> = {
  reopen: 'Reopen the SR and file the reply',
  'mail-center': 'Keep the SR closed; the reply goes to the Mail Center for an agent to decide',
};

/** Administration > Service messaging: desk-wide policy for what happens when a reply arrives. */
export function ServiceMessagingSection() {
  const { api } = useDesk();
  const settings = useResource((signal) => api.getSettings(signal), [api]);
  if (!isLoaded(settings))
    return (
      <LoadState
        resource={settings}
        loadingLabel="Loading settings…"
        failedTitle="The settings could not be loaded"
      />
    );
  return <SettingsForm saved={settings.data} onSaved={(next) => settings.setData(() => next)} />;
}

function SettingsForm(props: { saved: TSettings; onSaved: (settings: TSettings) => void }) {
  const styles = useSectionStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const [draft, setDraft] = useState<TSettings>(props.saved);
  const save = usePendingAction<'save'>();
  const isDirty = JSON.stringify(draft) !== JSON.stringify(props.saved);
  const statusNames = draft.statuses.map((s) => s.name).filter(Boolean);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run('save', 'The settings were not saved', async () => {
      const saved = await api.saveSettings(draft);
      props.onSaved(saved);
      setDraft(saved);
      notify('Service messaging settings saved');
    });
  };

  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate>
      <PageHeader
        path="Administration > Service messaging"
        title="Service messaging"
        description="What happens to an SR when a customer's email reply is filed as a note."
      />

      <StatusesEditor settings={draft} onChange={setDraft} />
      <ReplyPolicyEditor settings={draft} onChange={setDraft} />

      <Card className={styles.card}>
        <Subtitle2 as="h2">Who may reply</Subtitle2>
        <RadioField
          label="Sender policy"
          options={SENDER_POLICIES}
          value={draft.senderPolicy}
          onChange={(senderPolicy) => setDraft({ ...draft, senderPolicy })}
        />
      </Card>

      <Card className={styles.card}>
        <Subtitle2 as="h2">Replies to closed SRs</Subtitle2>
        <RadioField
          label="Closed-SR policy"
          options={CLOSED_POLICIES}
          value={draft.closedPolicy}
          onChange={(closedPolicy) => setDraft({ ...draft, closedPolicy })}
        />
        {draft.closedPolicy === 'reopen' && (
          <Field label="Reopen with status">
            <Dropdown
              value={draft.reopenStatus}
              selectedOptions={[draft.reopenStatus]}
              onOptionSelect={(_, data) =>
                data.optionValue && setDraft({ ...draft, reopenStatus: data.optionValue })
              }
            >
              {draft.statuses
                .filter((s) => !s.isClosed && s.name)
                .map((s) => (
                  <Option key={s.name}>{s.name}</Option>
                ))}
            </Dropdown>
          </Field>
        )}
      </Card>

      <BlockListEditor settings={draft} onChange={setDraft} />

      <Card className={styles.card}>
        <Subtitle2 as="h2">Mail Center</Subtitle2>
        <Field
          className={styles.narrow}
          label="Keep Mail Center items for (days)"
          hint="Mail that could not be filed is removed after this many days."
        >
          <Input
            type="number"
            min={1}
            max={3650}
            value={String(draft.mailCenterRetentionDays)}
            onChange={(_, data) => setDraft({ ...draft, mailCenterRetentionDays: Number(data.value) })}
          />
        </Field>
      </Card>

      <RateLimitsEditor settings={draft} error={save.failure?.error} onChange={setDraft} />

      {save.failure && <ErrorBar error={save.failure.error} title={save.failure.title} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          disabled={!isDirty || save.isBusy || statusNames.length === 0}
          icon={save.isBusy ? <Spinner size="tiny" /> : undefined}
        >
          {save.isBusy ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={() => setDraft(props.saved)} disabled={!isDirty || save.isBusy}>
          Discard changes
        </Button>
        {isDirty && <Text className={styles.muted}>You have unsaved changes.</Text>}
      </div>
    </form>
  );
}
