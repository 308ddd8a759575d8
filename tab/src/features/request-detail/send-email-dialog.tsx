import {
  Body1,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TAttachment } from '../../../../api/src/contract/attachment';
import type { TMailTemplate } from '../../../../api/src/contract/mail-template';
import type { TServiceRequest } from '../../../../api/src/contract/service-request';
import { ErrorBar } from '../../components/error-bar';
import { FormDialog } from '../../components/form-dialog';
import { SafeHtmlFrame } from '../../components/safe-html-frame';
import { useNotify } from '../../components/use-notify';
import { useResource } from '../../components/use-resource';
import { useDesk } from '../../session/desk-context';
import { splitEmails } from '../requests/split-emails';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: 'calc(100vw - 48px)' },
  files: { display: 'flex', flexDirection: 'column' },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

const STATUS_TEXT: Record<string, string> = {
  sent: 'It is on its way.',
  sending: 'It is being sent.',
  queued: 'It waits for a free sending slot (30 a minute per mailbox) and goes out shortly.',
  failed: 'Sending failed: see the email log.',
  stopped: 'Sending was stopped: see the email log.',
};

/**
 * Emails the requester from the SR with a template: the API adds the reply line with the SR's marker, so the
 * answer comes back to this SR. The preview shows that line as the customer will see it.
 */
export function SendEmailDialog(props: {
  sr: TServiceRequest;
  attachments: TAttachment[];
  onSent: () => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { api, session } = useDesk();
  const notify = useNotify();
  const { sr } = props;
  const templates = useResource((signal) => api.listTemplates(signal), [api]);
  const manual = templates.data?.items.filter((t) => t.purpose === 'manual') ?? [];
  const [templateId, setTemplateId] = useState<string | undefined>(undefined);
  const template = manual.find((t) => t.id === templateId) ?? manual[0];
  const [to, setTo] = useState(sr.requester.email);
  const [cc, setCc] = useState(sr.participants.join(', '));
  const [subject, setSubject] = useState('');
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);

  const handleSubmit = async () => {
    // Send is disabled without a template; this only keeps the dialog open if that ever slips.
    if (!template) throw new Error('Choose a template first.');
    const sent = await api.sendEmail(sr.number, {
      templateId: template.id,
      to: splitEmails(to),
      cc: splitEmails(cc),
      ...(subject.trim() ? { subject: subject.trim() } : {}),
      ...(attachmentIds.length ? { attachmentIds } : {}),
    });
    notify('Email sent', STATUS_TEXT[sent.status] ?? sent.statusReason);
    props.onSent();
  };

  const handleToggleAttachment = (id: string, isChecked: boolean) =>
    setAttachmentIds((current) => (isChecked ? [...current, id] : current.filter((a) => a !== id)));

  return (
    <FormDialog
      className={styles.surface}
      title={`Send email about ${sr.number}`}
      submitLabel="Send"
      busyLabel="Sending…"
      submitIcon={<SendRegular />}
      failedTitle="The email was not sent"
      isSubmitDisabled={!template || !to.trim()}
      onSubmit={handleSubmit}
      onClose={props.onClose}
    >
      {(problems) => (
        <>
          {templates.error && (
            <ErrorBar
              error={templates.error}
              title="Templates could not be loaded"
              onRetry={templates.reload}
            />
          )}
          {templates.data && manual.length === 0 && (
            <Body1>
              There is no template for agents yet.{' '}
              {session.user.isAdmin
                ? 'Add one under Administration › Mail › Templates (purpose "manual").'
                : 'Ask an admin to add one.'}
            </Body1>
          )}
          <Field label="Template" validationMessage={problems.templateId}>
            <Dropdown
              value={template?.name ?? ''}
              selectedOptions={template ? [template.id] : []}
              disabled={manual.length === 0}
              placeholder={templates.data ? 'No template' : 'Loading templates…'}
              onOptionSelect={(_, data) => setTemplateId(data.optionValue)}
            >
              {manual.map((t) => (
                <Option key={t.id} value={t.id}>
                  {t.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="To" hint="Separate addresses with commas." validationMessage={problems.to}>
            <Input value={to} onChange={(_, data) => setTo(data.value)} />
          </Field>
          <Field label="Cc" validationMessage={problems.cc}>
            <Input value={cc} onChange={(_, data) => setCc(data.value)} />
          </Field>
          <Field
            label="Subject"
            hint="Leave empty to use the template's subject."
            validationMessage={problems.subject}
          >
            <Input
              value={subject}
              placeholder={template?.subject}
              onChange={(_, data) => setSubject(data.value)}
            />
          </Field>
          {props.attachments.length > 0 && (
            <Field label="Attachments" validationMessage={problems.attachmentIds}>
              <div className={styles.files}>
                {props.attachments.map((a) => (
                  <Checkbox
                    key={a.id}
                    label={`${a.folder} / ${a.fileName}`}
                    checked={attachmentIds.includes(a.id)}
                    onChange={(_, data) => handleToggleAttachment(a.id, data.checked === true)}
                  />
                ))}
              </div>
            </Field>
          )}
          {template && <EmailPreview key={template.id} template={template} srNumber={sr.number} />}
        </>
      )}
    </FormDialog>
  );
}

/**
 * The email as the customer will get it: the API renders the template against this SR the way sending does
 * (placeholders filled, the reply line with a sample marker in place of the real one).
 */
function EmailPreview(props: { template: TMailTemplate; srNumber: string }) {
  const styles = useStyles();
  const { api } = useDesk();
  const { template, srNumber } = props;
  const preview = useResource(
    () => api.previewEmail(srNumber, { templateId: template.id }),
    [api, template.id, srNumber],
  );
  const rendered = preview.data;

  return (
    <section className={styles.preview} aria-label="Preview">
      <Caption1 className={styles.muted}>
        Preview. The reply line at the top carries the SR's marker: replies typed above it come back to{' '}
        {srNumber} as notes.
      </Caption1>
      {preview.isLoading && <Spinner size="tiny" label="Rendering the preview…" />}
      {preview.error && (
        <ErrorBar error={preview.error} title="The preview could not be rendered" onRetry={preview.reload} />
      )}
      {rendered && (
        <>
          <Text weight="semibold">{rendered.subject}</Text>
          <SafeHtmlFrame html={rendered.bodyHtml} title="Email preview" />
        </>
      )}
    </section>
  );
}
