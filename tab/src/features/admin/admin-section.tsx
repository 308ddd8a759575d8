import {
  Button,
  Card,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { TList } from '../../../../api/src/contract/common';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { LoadState } from '../../components/load-state';
import { PageHeader } from '../../components/page-header';
import { useNotify } from '../../components/use-notify';
import type { Resource } from '../../components/use-resource';

const useStyles = makeStyles({
  card: { padding: 0, overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

/** "Add …" opens a page of its own (a link) or a dialog on this page. */
type Add = { label: string } & ({ href: string } | { onAdd: () => void; isDisabled?: boolean });

/** Like Add: a page of its own, or a dialog. */
type Edit<T> = { href: (item: T) => string } | { onEdit: (item: T) => void };

type Remove<T> = {
  /** The row button says "<verb> <name>", the dialog asks `title` (default: '<verb> "<name>"?'). */
  verb?: 'Delete' | 'Remove';
  title?: (item: T) => string;
  text: (item: T) => ReactNode;
  run: (item: T) => Promise<void>;
  /** The toast once it is gone. */
  done: (item: T) => string;
};

type AdminSectionProps<T> = {
  path: string;
  title: string;
  description: string;
  add: Add;
  resource: Resource<TList<T>>;
  /** Other data the section cannot work without; their load failures show too. */
  also?: readonly Resource<unknown>[];
  loadingLabel: string;
  failedTitle: string;
  /** Shown once the list has loaded, above it: warnings about the configuration as a whole. */
  notice?: ReactNode;
  /** No items yet: what to add first, with the Add button unless the text points elsewhere. */
  empty: { icon: ReactNode; title: string; text: ReactNode; offersAdd?: boolean };
  table: {
    label: string;
    minWidth?: string;
    columns: readonly string[];
    rowKey: (item: T) => string;
    cells: (item: T) => ReactNode;
  };
  /** How the row buttons name an item ("Edit Follow-up"). */
  itemName: (item: T) => string;
  edit?: Edit<T>;
  remove: Remove<T>;
  /** The section's dialogs (add, edit). */
  children?: ReactNode;
};

/**
 * An Administration list (accounts, templates, rules, note types): the guide's menu path and title, the list's
 * load state, an empty state that says what to add, and a table whose rows end in Edit and Delete. Delete asks
 * first; once the API confirms, the row goes without a reload.
 */
export function AdminSection<T>(props: AdminSectionProps<T>) {
  const styles = useStyles();
  const notify = useNotify();
  const [deleting, setDeleting] = useState<T | undefined>(undefined);
  // Dialogs opened from these buttons give focus back to them when they close.
  const restoreFocusTarget = useRestoreFocusTarget();
  const { resource, add, empty, table, itemName, edit, remove } = props;
  const verb = remove.verb ?? 'Delete';
  const items = resource.data?.items ?? [];
  const addButton =
    'href' in add ? (
      <Button as="a" href={add.href} appearance="primary" icon={<AddRegular />}>
        {add.label}
      </Button>
    ) : (
      <Button
        appearance="primary"
        icon={<AddRegular />}
        onClick={add.onAdd}
        disabled={add.isDisabled}
        {...restoreFocusTarget}
      >
        {add.label}
      </Button>
    );

  const handleDelete = async (item: T) => {
    await remove.run(item);
    const key = table.rowKey(item);
    resource.setData((current) => ({
      items: (current?.items ?? []).filter((i) => table.rowKey(i) !== key),
      total: (current?.total ?? 1) - 1,
    }));
    notify(remove.done(item));
  };

  return (
    <>
      <PageHeader path={props.path} title={props.title} description={props.description} actions={addButton} />
      <LoadState
        resource={resource}
        also={props.also}
        loadingLabel={props.loadingLabel}
        failedTitle={props.failedTitle}
      />
      {resource.data && props.notice}
      {resource.data && items.length === 0 && (
        <Card>
          <EmptyState
            icon={empty.icon}
            title={empty.title}
            action={empty.offersAdd === false ? undefined : addButton}
          >
            {empty.text}
          </EmptyState>
        </Card>
      )}
      {items.length > 0 && (
        <Card className={styles.card}>
          <Table style={table.minWidth ? { minWidth: table.minWidth } : undefined} aria-label={table.label}>
            <TableHeader>
              <TableRow>
                {table.columns.map((column) => (
                  <TableHeaderCell key={column}>{column}</TableHeaderCell>
                ))}
                <TableHeaderCell>
                  <span className={styles.muted}>Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={table.rowKey(item)}>
                  {table.cells(item)}
                  <TableCell>
                    <span className={styles.actions}>
                      {edit && 'href' in edit && (
                        <Button
                          as="a"
                          href={edit.href(item)}
                          appearance="subtle"
                          icon={<EditRegular />}
                          aria-label={`Edit ${itemName(item)}`}
                        />
                      )}
                      {edit && 'onEdit' in edit && (
                        <Button
                          appearance="subtle"
                          icon={<EditRegular />}
                          aria-label={`Edit ${itemName(item)}`}
                          onClick={() => edit.onEdit(item)}
                          {...restoreFocusTarget}
                        />
                      )}
                      <Button
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={`${verb} ${itemName(item)}`}
                        onClick={() => setDeleting(item)}
                        {...restoreFocusTarget}
                      />
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {props.children}
      {deleting !== undefined && (
        <ConfirmDialog
          title={remove.title?.(deleting) ?? `${verb} "${itemName(deleting)}"?`}
          confirmLabel={verb}
          onConfirm={() => handleDelete(deleting)}
          onClose={() => setDeleting(undefined)}
        >
          {remove.text(deleting)}
        </ConfirmDialog>
      )}
    </>
  );
}
