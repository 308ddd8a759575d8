import {
  Button,
  Caption1,
  Card,
  makeStyles,
  mergeClasses,
  Spinner,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { LockClosedRegular, MailRegular, SendRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { TAttachment } from '../../../../../api/src/contract/attachment';
import type { TServiceRequest } from '../../../../../api/src/contract/service-request';
import { ErrorBar } from '../../../components/error-bar';
import { useNotify } from '../../../components/use-notify';
import { usePendingAction } from '../../../components/use-pending-action';
import { useDesk } from '../../../session/desk-context';
import { ComposerAttachments } from './composer-attachments';
import { InsertTemplateMenu } from './insert-template-menu';
import { NoteTypePicker } from './note-type-picker';
import type { EditorHandle } from './rich-text-editor';

const RichTextEditor = lazy(() => import('./rich-text-editor').then((m) => ({ default: m.RichTextEditor })));

export type ComposerMode = 'reply' | 'internal';

// Two modes that must never be confused (Zendesk's public reply vs internal note): the internal note sits on a
// warm-tinted card with a lock, the reply on the brand colour with the recipient named.
const useStyles = makeStyles({
  card: {
    padding: tokens.spacingHorizontalL,
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
  },
  internal: {
    borderTop: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  who: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
  },
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    justifyContent: 'space-between',
  },
  tools: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The SR's composer: reply to the customer (an email through the Default account, kept as a PUBLIC note) or an internal note. */
export function Composer(props: { sr: TServiceRequest; onDone: () => void }) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const { sr } = props;
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [html, setHtml] = useState('');
  const [isEmpty, setIsEmpty] = useState(true);
  const [files, setFiles] = useState<TAttachment[]>([]);
  const [noteType, setNoteType] = useState('INTERNAL');
  const editor = useRef<EditorHandle | undefined>(undefined);
  const { isBusy, failure, run } = usePendingAction<'send' | 'snippet' | 'upload'>();
  const isReply = mode === 'reply';

  const handleChange = useCallback((next: string, empty: boolean) => {
    setHtml(next);
    setIsEmpty(empty);
  }, []);
  const handleReady = useCallback((handle: EditorHandle) => {
    editor.current = handle;
  }, []);

  const handleSend = () => {
    if (isEmpty || isBusy) return;
    void run('send', isReply ? 'The reply was not sent' : 'The note was not added', async () => {
      if (isReply) {
        await api.sendEmail(sr.number, {
          bodyHtml: html,
          asPublicNote: true,
          ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}),
        });
        notify('Reply sent', `Emailed to ${sr.requester.email} and kept as a PUBLIC note.`);
      } else {
        await api.addNote(sr.number, { typeCode: noteType, body: html });
        notify(
          noteType === 'INTERNAL' ? 'Internal note added' : `${noteType} note added`,
          'It was not emailed.',
        );
      }
      editor.current?.clear();
      setFiles([]);
      props.onDone();
    });
  };

  const handlePickTemplate = (templateId: string) =>
    void run('snippet', 'The template could not be inserted', async () => {
      const snippet = await api.fillSnippet(sr.number, templateId);
      editor.current?.insertHtml(snippet.bodyHtml);
    });

  const handleUpload = (file: File) =>
    run('upload', `${file.name} was not attached`, async () => {
      const uploaded = await api.uploadAttachment(sr.number, file, 'Other');
      setFiles((current) => [...current, uploaded]);
    });

  return (
    <Card className={mergeClasses(styles.card, !isReply && styles.internal)} data-mode={mode}>
      <TabList
        size="small"
        selectedValue={mode}
        onTabSelect={(_, data) => setMode(data.value as ComposerMode)}
        aria-label="Composer mode"
      >
        <Tab value="reply" icon={<MailRegular />}>
          Reply to customer
        </Tab>
        <Tab value="internal" icon={<LockClosedRegular />}>
          Internal note
        </Tab>
      </TabList>
      <Caption1 className={styles.who}>
        {isReply ? (
          <>
            <MailRegular /> Emails {sr.requester.name} &lt;{sr.requester.email}&gt;
            {sr.participants.length ? ` (Cc ${sr.participants.join(', ')})` : ''} and keeps it as a PUBLIC
            note.
          </>
        ) : (
          <>
            <LockClosedRegular /> Only agents see this note. It never leaves the desk.
          </>
        )}
      </Caption1>
      <Suspense fallback={<Spinner size="tiny" label="Loading the editor…" />}>
        <RichTextEditor
          label={isReply ? 'Reply to the customer' : 'Internal note'}
          placeholder={isReply ? `Write to ${sr.requester.name}…` : 'Write a note for the other agents…'}
          onChange={handleChange}
          onReady={handleReady}
          onSubmitShortcut={handleSend}
        />
      </Suspense>
      <div className={styles.row}>
        <div className={styles.tools}>
          <InsertTemplateMenu onPick={handlePickTemplate} disabled={isBusy} />
          {!isReply && <NoteTypePicker value={noteType} onChange={setNoteType} disabled={isBusy} />}
          {isReply && (
            <ComposerAttachments
              files={files}
              isBusy={isBusy}
              onUpload={handleUpload}
              onRemove={(id) => setFiles((current) => current.filter((f) => f.id !== id))}
            />
          )}
        </div>
        <Button
          appearance="primary"
          icon={isBusy ? <Spinner size="tiny" /> : isReply ? <SendRegular /> : <LockClosedRegular />}
          disabled={isEmpty || isBusy}
          onClick={handleSend}
        >
          {isReply ? 'Send reply' : 'Add internal note'}
        </Button>
      </div>
      <Caption1 className={styles.who}>
        {isEmpty
          ? `Write the ${isReply ? 'reply' : 'note'} first: an empty one cannot be sent.`
          : 'Ctrl+Enter sends.'}
      </Caption1>
      {failure && <ErrorBar error={failure.error} title={failure.title} />}
    </Card>
  );
}
