import { Button, Card, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular, NoteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TNoteType } from '../../../../../api/src/contract/note-type';
import { EmptyState } from '../../../components/empty-state';
import { ErrorBar } from '../../../components/error-bar';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useNotify } from '../../../components/use-notify';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';
import { ConfirmDialog } from '../confirm-dialog';
import { ACCESS_LEVEL_TEXT } from './access-levels';
import { NoteTypeDialog } from './note-type-dialog';
import { PublicTypeStatus } from './public-type-status';

const useStyles = makeStyles({
  card: { padding: 0, overflowX: 'auto' },
  status: { marginBottom: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Editing = { mode: 'create'; initial?: Partial<TNoteType> } | { mode: 'edit'; type: TNoteType };

/** Administration > General > Type: note types, and whether service messaging's PUBLIC type is usable. */
export function NoteTypesSection() {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const types = useResource((signal) => api.listNoteTypes(signal), [api]);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [deleting, setDeleting] = useState<TNoteType | undefined>(undefined);
  // Dialogs opened from these buttons give focus back to them when they close.
  const restoreFocusTarget = useRestoreFocusTarget();
  const items = types.data?.items ?? [];

  const handleSaved = (saved: TNoteType) => {
    types.setData((current) => {
      const others = (current?.items ?? []).filter((t) => t.code !== saved.code);
      return { items: [...others, saved].sort((a, b) => a.code.localeCompare(b.code)), total: others.length + 1 };
    });
    notify(`Note type ${saved.code} saved`);
  };

  const handleDelete = async (type: TNoteType) => {
    await api.deleteNoteType(type.code);
    types.setData((current) => ({ items: (current?.items ?? []).filter((t) => t.code !== type.code), total: (current?.total ?? 1) - 1 }));
    notify(`Note type ${type.code} deleted`);
  };

  return (
    <>
      <PageHeader
        path="Administration > General > Type"
        title="Note types"
        description="Every note has a type; its access level decides who can see it."
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setEditing({ mode: 'create' })} {...restoreFocusTarget}>
            Add note type
          </Button>
        }
      />
      {types.error && <ErrorBar error={types.error} title="Note types could not be loaded" onRetry={types.reload} />}
      {!types.data && !types.error && <LoadingBlock label="Loading note types…" />}
      {types.data && (
        <div className={styles.status}>
          <PublicTypeStatus
            types={items}
            onCreate={() => setEditing({ mode: 'create', initial: { code: 'PUBLIC', name: 'Public', accessLevel: 'User' } })}
            onFix={(type) => setEditing({ mode: 'edit', type: { ...type, accessLevel: 'User' } })}
          />
        </div>
      )}
      {types.data && items.length === 0 && (
        <Card>
          <EmptyState icon={<NoteRegular />} title="No note types">
            Add PUBLIC first: service messaging files every email reply as a PUBLIC note.
          </EmptyState>
        </Card>
      )}
      {items.length > 0 && (
        <Card className={styles.card}>
          <Table aria-label="Note types">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Code</TableHeaderCell>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Access level</TableHeaderCell>
                <TableHeaderCell>
                  <span className={styles.muted}>Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((type) => (
                <TableRow key={type.code}>
                  <TableCell>
                    <strong>{type.code}</strong>
                  </TableCell>
                  <TableCell>{type.name}</TableCell>
                  <TableCell title={ACCESS_LEVEL_TEXT[type.accessLevel]}>{type.accessLevel}</TableCell>
                  <TableCell>
                    <Button appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${type.code}`} onClick={() => setEditing({ mode: 'edit', type })} {...restoreFocusTarget} />
                    <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Delete ${type.code}`} onClick={() => setDeleting(type)} {...restoreFocusTarget} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {editing && (
        <NoteTypeDialog
          existing={editing.mode === 'edit' ? editing.type : undefined}
          initial={editing.mode === 'create' ? editing.initial : editing.type}
          onSaved={handleSaved}
          onClose={() => setEditing(undefined)}
        />
      )}
      {deleting && (
        <ConfirmDialog title={`Delete note type ${deleting.code}?`} confirmLabel="Delete" onConfirm={() => handleDelete(deleting)} onClose={() => setDeleting(undefined)}>
          Existing notes keep their type code. {deleting.code === 'PUBLIC' ? 'Service messaging cannot file email replies without PUBLIC.' : ''}
        </ConfirmDialog>
      )}
    </>
  );
}
