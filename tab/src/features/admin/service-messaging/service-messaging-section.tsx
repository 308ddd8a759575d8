import { Button, Card, Dropdown, Field, Input, Option, Radio, RadioGroup, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TSettings } from '../../../../../api/src/contract/settings';
import { ErrorBar } from '../../../components/error-bar';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useNotify } from '../../../components/use-notify';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';
import { BlockListEditor } from './block-list-editor';
import { RateLimitsEditor } from './rate-limits-editor';
import { ReplyPolicyEditor } from './reply-policy-editor';
import { useSectionStyles } from './section-styles';
import { StatusesEditor } from './statuses-editor';

/** Administration > Service messaging: desk-wide policy for what happens when a reply arrives. */
export function ServiceMessagingSection() {
  const { api } = useDesk();
  const settings = useResource((signal) => api.getSettings(signal), [api]);
  if (settings.error) return <ErrorBar error={settings.error} title="The settings could not be loaded" onRetry={settings.reload} />;
  if (!settings.data) return <LoadingBlock label="Loading settings…" />;
  return <SettingsForm saved={settings.data} onSaved={(next) => settings.setData(() => next)} />;
}

function SettingsForm(props: { saved: TSettings; onSaved: (settings: TSettings) => void }) {
  const styles = useSectionStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const [draft, setDraft] = useState<TSettings>(props.saved);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const isDirty = JSON.stringify(draft) !== JSON.stringify(props.saved);
  const statusNames = draft.statuses.map((s) => s.name).filter(Boolean);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    try {
      const saved = await api.saveSettings(draft);
      props.onSaved(saved);
      setDraft(saved);
      notify('Service messaging settings saved');
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={handleSubmit}>
      <PageHeader path="Administration > Service messaging" title="Service messaging" description="What happens to an SR when a customer's email reply is filed as a note." />

      <StatusesEditor settings={draft} onChange={setDraft} />
      <ReplyPolicyEditor settings={draft} onChange={setDraft} />

      <Card className={styles.card}>
        <Subtitle2 as="h2">Who may reply</Subtitle2>
        <Field label="Sender policy">
          <RadioGroup value={draft.senderPolicy} onChange={(_, data) => setDraft({ ...draft, senderPolicy: data.value as TSettings['senderPolicy'] })}>
            <Radio value="participants-only" label="Participants only: replies from the requester and the SR's participants are filed; mail from anyone else is not" />
            <Radio value="review" label="Review: replies from anyone else wait in the Mail Center until an agent links or discards them" />
          </RadioGroup>
        </Field>
      </Card>

      <Card className={styles.card}>
        <Subtitle2 as="h2">Replies to closed SRs</Subtitle2>
        <Field label="Closed-SR policy">
          <RadioGroup value={draft.closedPolicy} onChange={(_, data) => setDraft({ ...draft, closedPolicy: data.value as TSettings['closedPolicy'] })}>
            <Radio value="reopen" label="Reopen the SR and file the reply" />
            <Radio value="mail-center" label="Keep the SR closed; the reply goes to the Mail Center for an agent to decide" />
          </RadioGroup>
        </Field>
        {draft.closedPolicy === 'reopen' && (
          <Field label="Reopen with status">
            <Dropdown value={draft.reopenStatus} selectedOptions={[draft.reopenStatus]} onOptionSelect={(_, data) => data.optionValue && setDraft({ ...draft, reopenStatus: data.optionValue })}>
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
        <Field className={styles.narrow} label="Keep Mail Center items for (days)" hint="Mail that could not be filed is removed after this many days.">
          <Input
            type="number"
            min={1}
            max={3650}
            value={String(draft.mailCenterRetentionDays)}
            onChange={(_, data) => setDraft({ ...draft, mailCenterRetentionDays: Number(data.value) })}
          />
        </Field>
      </Card>

      <RateLimitsEditor settings={draft} error={error} onChange={setDraft} />

      {error && <ErrorBar error={error} title="The settings were not saved" />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!isDirty || isSaving || statusNames.length === 0} icon={isSaving ? <Spinner size="tiny" /> : undefined}>
          {isSaving ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={() => setDraft(props.saved)} disabled={!isDirty || isSaving}>
          Discard changes
        </Button>
        {isDirty && <Text className={styles.muted}>You have unsaved changes.</Text>}
      </div>
    </form>
  );
}
