import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  makeStyles,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TMailTemplatePreview } from '../../../../../api/src/contract/mail-template';
import { fieldErrors } from '../../../../../web-shared/field-errors';
import { ErrorBar } from '../../../components/error-bar';
import { SafeHtmlFrame } from '../../../components/safe-html-frame';
import { usePendingAction } from '../../../components/use-pending-action';
import { useDesk } from '../../../session/desk-context';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  marker: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

const SAMPLE_TOKEN = '[SR-000123-0-SAMPLE]';

/**
 * Live: the draft as typed, placeholders left as they are (the API renders only saved templates). With an
 * SR number, the saved template as the API would send it about that SR.
 */
export function TemplatePreview(props: {
  draft: { subject: string; replyText: string; bodyHtml: string };
  savedTemplateId?: string;
}) {
  const styles = useStyles();
  const { api } = useDesk();
  const { draft, savedTemplateId } = props;
  const [srRef, setSrRef] = useState('SR-000001');
  const [rendered, setRendered] = useState<TMailTemplatePreview | undefined>(undefined);
  const { isBusy: isRendering, failure, run } = usePendingAction<'render'>();

  const handleRender = (event: FormEvent) => {
    event.preventDefault();
    if (!savedTemplateId) return;
    void run('render', 'The preview could not be rendered', async () => {
      try {
        setRendered(await api.previewTemplate(savedTemplateId, srRef.trim()));
      } catch (err) {
        // A failed render must not leave an older SR's rendering on screen as if it were this one.
        setRendered(undefined);
        throw err;
      }
    });
  };

  return (
    <Card className={styles.card}>
      <section aria-label="Live preview">
        <Subtitle2 as="h2" block>
          Live preview
        </Subtitle2>
        <Text weight="semibold" block>
          {draft.subject}
        </Text>
        <Text className={styles.marker} block>
          {draft.replyText.replace('#EC_ID#', SAMPLE_TOKEN)}
        </Text>
        <SafeHtmlFrame html={draft.bodyHtml} title="Live preview of the body" />
      </section>
      {savedTemplateId ? (
        <form onSubmit={handleRender} noValidate aria-label="Preview with an SR">
          <div className={styles.row}>
            <Field
              label="Preview the saved template with SR"
              validationMessage={fieldErrors(failure?.error).requestId}
            >
              <Input value={srRef} onChange={(_, data) => setSrRef(data.value)} />
            </Field>
            <Button
              type="submit"
              disabledFocusable={isRendering}
              icon={isRendering ? <Spinner size="tiny" /> : undefined}
            >
              Render
            </Button>
          </div>
        </form>
      ) : (
        <Caption1 className={styles.muted}>Save the template to preview it with a real SR.</Caption1>
      )}
      {failure && <ErrorBar error={failure.error} title={failure.title} />}
      {rendered && (
        <section aria-label="Rendered with the SR">
          <Text weight="semibold" block>
            {rendered.subject}
          </Text>
          <SafeHtmlFrame html={rendered.bodyHtml} title="The email as it would be sent" />
        </section>
      )}
    </Card>
  );
}
