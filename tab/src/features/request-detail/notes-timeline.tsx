import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { NoteRegular } from '@fluentui/react-icons';
import type { TAttachment } from '../../../../api/src/contract/attachment';
import type { TList } from '../../../../api/src/contract/common';
import type { TNote } from '../../../../api/src/contract/note';
import type { TServiceRequest } from '../../../../api/src/contract/service-request';
import { EmptyState } from '../../components/empty-state';
import { LoadState } from '../../components/load-state';
import type { Resource } from '../../components/use-resource';
import { AddNoteForm } from './add-note-form';
import { NoteCard } from './note-card';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function NotesTimeline(props: { sr: TServiceRequest; notes: Resource<TList<TNote>>; attachments: TAttachment[]; onNoteAdded: () => void }) {
  const styles = useStyles();
  const { notes } = props;
  const items = notes.data?.items ?? [];
  const emailCount = items.filter((n) => n.source === 'email').length;

  return (
    <section className={styles.root} aria-labelledby="notes-heading">
      <div className={styles.heading}>
        <Subtitle2 as="h2" id="notes-heading">
          Notes
        </Subtitle2>
        {notes.data && (
          <Caption1 className={styles.muted}>
            {items.length} {items.length === 1 ? 'note' : 'notes'}
            {emailCount > 0 ? `, ${emailCount} from email` : ''}
          </Caption1>
        )}
      </div>
      <LoadState resource={notes} loadingLabel="Loading notes…" failedTitle="Notes could not be loaded" />
      {notes.data && items.length === 0 && (
        <EmptyState icon={<NoteRegular />} title="No notes yet">
          Add the first note below. When the requester replies to an email from this SR, the reply appears here as a PUBLIC note.
        </EmptyState>
      )}
      {items.length > 0 && (
        <ol className={styles.list} aria-labelledby="notes-heading">
          {items.map((note) => (
            <li key={note.id}>
              <NoteCard note={note} attachments={props.attachments.filter((a) => note.attachmentIds.includes(a.id))} />
            </li>
          ))}
        </ol>
      )}
      <AddNoteForm sr={props.sr} onAdded={props.onNoteAdded} />
    </section>
  );
}
