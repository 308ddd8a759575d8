import { makeStyles, TableCell, tokens } from '@fluentui/react-components';
import { NoteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TNoteType } from '../../../../../api/src/contract/note-type';
import { useNotify } from '../../../components/use-notify';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';
import { AdminSection } from '../admin-section';
import { ACCESS_LEVEL_TEXT } from './access-levels';
import { NoteTypeDialog } from './note-type-dialog';
import { PublicTypeStatus } from './public-type-status';

const useStyles = makeStyles({ status: { marginBottom: tokens.spacingVerticalM } });

type Editing = { mode: 'create'; initial?: Partial<TNoteType> } | { mode: 'edit'; type: TNoteType };

/** Administration > General > Type: note types, and whether service messaging's PUBLIC type is usable. */
export function NoteTypesSection() {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const types = useResource((signal) => api.listNoteTypes(signal), [api]);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);

  const handleSaved = (saved: TNoteType) => {
    types.setData((current) => {
      const others = (current?.items ?? []).filter((t) => t.code !== saved.code);
      return {
        items: [...others, saved].sort((a, b) => a.code.localeCompare(b.code)),
        total: others.length + 1,
      };
    });
    notify(`Note type ${saved.code} saved`);
  };

  return (
    <AdminSection
      path="Administration > General > Type"
      title="Note types"
      description="Every note has a type; its access level decides who can see it."
      add={{ label: 'Add note type', onAdd: () => setEditing({ mode: 'create' }) }}
      resource={types}
      loadingLabel="Loading note types…"
      failedTitle="Note types could not be loaded"
      notice={
        <div className={styles.status}>
          <PublicTypeStatus
            types={types.data?.items ?? []}
            onCreate={() =>
              setEditing({ mode: 'create', initial: { code: 'PUBLIC', name: 'Public', accessLevel: 'User' } })
            }
            onFix={(type) => setEditing({ mode: 'edit', type: { ...type, accessLevel: 'User' } })}
          />
        </div>
      }
      // The PUBLIC status above offers "Create PUBLIC" already.
      empty={{
        icon: <NoteRegular />,
        title: 'No note types',
        text: 'Add PUBLIC first: service messaging files every email reply as a PUBLIC note.',
        offersAdd: false,
      }}
      table={{
        label: 'Note types',
        columns: ['Code', 'Name', 'Access level'],
        rowKey: (type: TNoteType) => type.code,
        cells: (type) => (
          <>
            <TableCell>
              <strong>{type.code}</strong>
            </TableCell>
            <TableCell>{type.name}</TableCell>
            <TableCell title={ACCESS_LEVEL_TEXT[type.accessLevel]}>{type.accessLevel}</TableCell>
          </>
        ),
      }}
      itemName={(type) => type.code}
      edit={{ onEdit: (type) => setEditing({ mode: 'edit', type }) }}
      remove={{
        title: (type) => `Delete note type ${type.code}?`,
        text: (type) =>
          `Existing notes keep their type code. ${type.code === 'PUBLIC' ? 'Service messaging cannot file email replies without PUBLIC.' : ''}`,
        run: (type) => api.deleteNoteType(type.code),
        done: (type) => `Note type ${type.code} deleted`,
      }}
    >
      {editing && (
        <NoteTypeDialog
          existing={editing.mode === 'edit' ? editing.type : undefined}
          initial={editing.mode === 'create' ? editing.initial : editing.type}
          onSaved={handleSaved}
          onClose={() => setEditing(undefined)}
        />
      )}
    </AdminSection>
  );
}
