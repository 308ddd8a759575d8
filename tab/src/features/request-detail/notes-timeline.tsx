import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { NoteRegular } from '@fluentui/react-icons';
import type { TAttachment } from '../../../../api/src/contract/attachment';
import type { TList } from '../../../../api/src/contract/common';
import type { TNote } from '../../../../api/src/contract/note';
import type { TOutboundEmail } from '../../../../api/src/contract/outbound-email';
import type { TServiceRequest } from '../../../../api/src/contract/service-request';
import { EmptyState } from '../../components/empty-state';
import { LoadState } from '../../components/load-state';
import type { Resource } from '../../components/use-resource';
import { Composer } from './composer/composer';
import { NoteCard } from './note-card';
import { SentEmailCard } from './sent-email-card';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Entry = { kind: 'note'; at: string; note: TNote } | { kind: 'email'; at: string; email: TOutboundEmail };

/**
 * The conversation: notes (agents' and customers' emails) and the emails sent from the SR, oldest first. A reply
 * written in the composer is one entry (its note), not two.
 */
function conversation(notes: TNote[], emails: TOutboundEmail[]): Entry[] {
  const asNote = new Set(notes.flatMap((n) => (n.sentAs ? [n.sentAs.outboundId] : [])));
  const entries: Entry[] = [
    ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
    ...emails
      .filter((e) => !asNote.has(e.id))
      .map((email) => ({ kind: 'email' as const, at: email.sentAt ?? email.queuedAt, email })),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

export function NotesTimeline(props: {
  sr: TServiceRequest;
  notes: Resource<TList<TNote>>;
  emails: TOutboundEmail[];
  attachments: TAttachment[];
  onNoteAdded: () => void;
}) {
  const styles = useStyles();
  const { notes } = props;
  const items = notes.data?.items ?? [];
  const emailCount = items.filter((n) => n.source === 'email').length;
  const entries = conversation(items, props.emails);

  return (
    <section className={styles.root} aria-labelledby="notes-heading">
      <div className={styles.heading}>
        <Subtitle2 as="h2" id="notes-heading">
          Conversation
        </Subtitle2>
        {notes.data && (
          <Caption1 className={styles.muted}>
            {items.length} {items.length === 1 ? 'note' : 'notes'}
            {emailCount > 0 ? `, ${emailCount} from email` : ''}
          </Caption1>
        )}
      </div>
      <LoadState resource={notes} loadingLabel="Loading notes…" failedTitle="Notes could not be loaded" />
      {notes.data && entries.length === 0 && (
        <EmptyState icon={<NoteRegular />} title="No conversation yet">
          Reply to the customer or add an internal note below. When the requester replies to an email from
          this SR, the reply appears here as a PUBLIC note.
        </EmptyState>
      )}
      {entries.length > 0 && (
        <ol className={styles.list} aria-labelledby="notes-heading">
          {entries.map((entry) => (
            <li key={entry.kind === 'note' ? entry.note.id : `email-${entry.email.id}`}>
              {entry.kind === 'note' ? (
                <NoteCard
                  note={entry.note}
                  attachments={props.attachments.filter((a) => entry.note.attachmentIds.includes(a.id))}
                />
              ) : (
                <SentEmailCard email={entry.email} />
              )}
            </li>
          ))}
        </ol>
      )}
      <Composer sr={props.sr} onDone={props.onNoteAdded} />
    </section>
  );
}
