import { Button, Caption1, Card, Field, Input, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TMailTemplatePreview } from '../../../../../api/src/contract/mail-template';
import { ErrorBar } from '../../../components/error-bar';
import { SafeHtmlFrame } from '../../../components/safe-html-frame';
import { useDesk } from '../../../session/desk-context';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  marker: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

const SAMPLE_TOKEN = '[SR-000123-0-SAMPLE]';

/**
 * Live: the draft as typed, placeholders left as they are (the API renders only saved templates). With an
 * SR number, the saved template as the API would send it about that SR.
 */
export function TemplatePreview(props: { draft: { subject: string; replyText: string; bodyHtml: string }; savedTemplateId?: string }) {
  const styles = useStyles();
  const { api } = useDesk();
  const { draft, savedTemplateId } = props;
  const [srRef, setSrRef] = useState('SR-000001');
  const [rendered, setRendered] = useState<TMailTemplatePreview | undefined>(undefined);
  const [isRendering, setIsRendering] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);

  const handleRender = async (event: FormEvent) => {
    event.preventDefault();
    if (!savedTemplateId) return;
    setIsRendering(true);
    setError(undefined);
    try {
      setRendered(await api.previewTemplate(savedTemplateId, srRef.trim()));
    } catch (err) {
      setRendered(undefined);
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setIsRendering(false);
    }
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
        <form onSubmit={handleRender} aria-label="Preview with an SR">
          <div className={styles.row}>
            <Field label="Preview the saved template with SR">
              <Input value={srRef} onChange={(_, data) => setSrRef(data.value)} />
            </Field>
            <Button type="submit" disabledFocusable={isRendering} icon={isRendering ? <Spinner size="tiny" /> : undefined}>
              Render
            </Button>
          </div>
        </form>
      ) : (
        <Caption1 className={styles.muted}>Save the template to preview it with a real SR.</Caption1>
      )}
      {error && <ErrorBar error={error} title="The preview could not be rendered" />}
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
