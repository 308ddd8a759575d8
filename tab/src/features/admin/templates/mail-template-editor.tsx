import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  Textarea,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type {
  TMailTemplate,
  TMailTemplateDefaults,
  TSaveMailTemplate,
} from '../../../../../api/src/contract/mail-template';
import { DropdownField } from '../../../components/dropdown-field';
import { fieldErrors } from '../../../../../web-shared/field-errors';
import { PageHeader } from '../../../components/page-header';
import { SaveActions } from '../../../components/save-actions';
import { useNotify } from '../../../components/use-notify';
import { usePendingAction } from '../../../components/use-pending-action';
import { href } from '../../../routing/route';
import { navigate } from '../../../routing/use-hash-route';
import { useDesk } from '../../../session/desk-context';
import { PURPOSE_LABELS } from './template-purposes';
import { TemplatePreview } from './template-preview';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 1000px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  replyRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  grow: { flexGrow: 1 },
  // Lines the button up with the input, below the field's label.
  example: { flexShrink: 0, marginTop: '26px' },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  card: { padding: tokens.spacingHorizontalL },
  placeholders: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
  body: { fontFamily: tokens.fontFamilyMonospace },
});

const listHref = href({ page: 'admin', section: 'templates' });

type Draft = Required<Pick<TSaveMailTemplate, 'name' | 'purpose' | 'subject' | 'bodyHtml' | 'replyText'>>;

export function MailTemplateEditor(props: { template?: TMailTemplate; defaults: TMailTemplateDefaults }) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const { template, defaults } = props;
  const [draft, setDraft] = useState<Draft>(() =>
    template
      ? {
          name: template.name,
          purpose: template.purpose,
          subject: template.subject,
          bodyHtml: template.bodyHtml,
          replyText: template.replyText,
        }
      : {
          name: '',
          purpose: 'manual',
          subject: '#SR_TITLE#',
          bodyHtml: '<p>Dear #REQUESTER_NAME#,</p><p></p><p>Kind regards,<br>#DESK_NAME#</p>',
          replyText: defaults.replyText,
        },
  );
  const save = usePendingAction<'save'>();
  const isSaving = save.isBusy;
  const problems = fieldErrors(save.failure?.error);
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run('save', 'The template was not saved', async () => {
      const saved = template ? await api.updateTemplate(template.id, draft) : await api.createTemplate(draft);
      notify(`Template "${saved.name}" saved`);
      navigate(listHref);
    });
  };

  // Placeholders go where the admin will most likely want them: at the end of the body, ready to move.
  const handleInsert = (name: string) => change({ bodyHtml: `${draft.bodyHtml}${name}` });

  return (
    <>
      <PageHeader
        path="Administration > Mail > Templates"
        title={template ? template.name : 'Add a mail template'}
        description="The API sanitises the body on save: scripts, event handlers and unsafe links are removed."
      />
      <div className={styles.columns}>
        <form className={styles.form} onSubmit={handleSubmit} noValidate aria-label="Mail template">
          <Field label="Name" required validationMessage={problems.name}>
            <Input
              value={draft.name}
              onChange={(_, data) => change({ name: data.value })}
              disabled={isSaving}
            />
          </Field>
          <DropdownField
            label="Used by"
            hint="Agents choose from their templates when they email from an SR; rules send theirs on their own."
            validationMessage={problems.purpose}
            options={PURPOSE_LABELS}
            value={draft.purpose}
            onChange={(purpose) => change({ purpose })}
            disabled={isSaving}
          />
          <Field
            label="Subject"
            required
            validationMessage={problems.subject}
            hint={`${draft.subject.length} of ${defaults.limits.subjectChars} characters`}
          >
            <Input
              value={draft.subject}
              onChange={(_, data) => change({ subject: data.value })}
              disabled={isSaving}
            />
          </Field>
          <div className={styles.replyRow}>
            <Field
              className={styles.grow}
              label="Reply text"
              validationMessage={problems.replyText}
              hint="The first line of every email. #EC_ID# becomes the SR's marker: replies typed above this line come back to the SR."
            >
              <Input
                value={draft.replyText}
                onChange={(_, data) => change({ replyText: data.value })}
                disabled={isSaving}
              />
            </Field>
            <Tooltip content={defaults.replyText} relationship="description">
              <Button
                className={styles.example}
                icon={<ArrowResetRegular />}
                onClick={() => change({ replyText: defaults.replyText })}
                disabled={isSaving}
              >
                Set Example text
              </Button>
            </Tooltip>
          </div>
          <Field
            label="Body (HTML)"
            required
            validationMessage={problems.bodyHtml}
            hint={`${draft.bodyHtml.length} of ${defaults.limits.bodyChars} characters`}
          >
            <Textarea
              className={styles.body}
              value={draft.bodyHtml}
              onChange={(_, data) => change({ bodyHtml: data.value })}
              rows={10}
              resize="vertical"
              disabled={isSaving}
            />
          </Field>
          <SaveActions isSaving={isSaving} cancelHref={listHref} failure={save.failure} />
        </form>
        <div className={styles.side}>
          <Card className={styles.card}>
            <Subtitle2 as="h2">Placeholders</Subtitle2>
            <Caption1>Select one to add it at the end of the body.</Caption1>
            <ul className={styles.placeholders} aria-label="Placeholders">
              {defaults.placeholders.map((placeholder) => (
                <li key={placeholder.name}>
                  <Tooltip content={placeholder.description} relationship="description">
                    <Button
                      size="small"
                      appearance="outline"
                      onClick={() => handleInsert(placeholder.name)}
                      disabled={isSaving}
                    >
                      {placeholder.name}
                    </Button>
                  </Tooltip>
                </li>
              ))}
            </ul>
          </Card>
          <TemplatePreview draft={draft} savedTemplateId={template?.id} />
        </div>
      </div>
    </>
  );
}
