import type { KeyboardEvent } from 'react';
import {
  Caption1,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
  Tooltip,
  type DataGridProps,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { MailInboxArrowDownFilled, MailWarningFilled } from '@fluentui/react-icons';
import type { TServiceRequest } from '../../../../api/src/contract/service-request';
import { RelativeTime } from '../../components/relative-time';
import { StatusBadge } from '../../components/status-badge';
import { requestHref } from '../../routing/route';
import { navigate } from '../../routing/use-hash-route';
import type { ListFilters, SortField } from './list-params';

const useStyles = makeStyles({
  grid: { minWidth: '880px' },
  row: { cursor: 'pointer' },
  stack: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  reply: { color: tokens.colorPaletteMarigoldForeground2, flexShrink: 0, fontSize: '16px' },
  held: { color: tokens.colorPaletteRedForeground2, flexShrink: 0, fontSize: '16px' },
  muted: { color: tokens.colorNeutralForeground3 },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

// The API sorts (and pages); DataGrid only shows the arrows. A compare function that takes two arguments
// makes a column sortable in DataGrid, and returning 0 keeps the server's order.
const serverSorted = (_a: TServiceRequest, _b: TServiceRequest) => 0;

function useColumns(): TableColumnDefinition<TServiceRequest>[] {
  const styles = useStyles();
  return [
    createTableColumn<TServiceRequest>({
      columnId: 'id',
      compare: serverSorted,
      renderHeaderCell: () => 'Number',
      renderCell: (sr) => (
        <Link href={requestHref(sr.number)} onClick={(e) => e.stopPropagation()}>
          {sr.number}
        </Link>
      ),
    }),
    createTableColumn<TServiceRequest>({
      columnId: 'title',
      compare: serverSorted,
      renderHeaderCell: () => 'Title',
      renderCell: (sr) => (
        <span className={styles.title}>
          {sr.hasNewEmailReply && (
            <Tooltip content="New email reply" relationship="label">
              <MailInboxArrowDownFilled className={styles.reply} />
            </Tooltip>
          )}
          {sr.hasHeldReply && (
            <Tooltip
              content="A reply arrived after this SR was closed; it waits in the Mail Center"
              relationship="label"
            >
              <MailWarningFilled className={styles.held} />
            </Tooltip>
          )}
          <Text className={styles.ellipsis} weight={sr.hasNewEmailReply ? 'semibold' : 'regular'}>
            {sr.title}
          </Text>
        </span>
      ),
    }),
    createTableColumn<TServiceRequest>({
      columnId: 'status',
      compare: serverSorted,
      renderHeaderCell: () => 'Status',
      renderCell: (sr) => <StatusBadge status={sr.status} isClosed={sr.isClosed} />,
    }),
    createTableColumn<TServiceRequest>({
      columnId: 'priority',
      compare: serverSorted,
      renderHeaderCell: () => 'Priority',
      renderCell: (sr) => sr.priority,
    }),
    createTableColumn<TServiceRequest>({
      columnId: 'requester',
      compare: serverSorted,
      renderHeaderCell: () => 'Requester',
      renderCell: (sr) => (
        <span className={styles.stack}>
          <Text className={styles.ellipsis}>{sr.requester.name}</Text>
          <Caption1 className={mergeClasses(styles.muted, styles.ellipsis)}>{sr.requester.email}</Caption1>
        </span>
      ),
    }),
    createTableColumn<TServiceRequest>({
      columnId: 'assignee',
      compare: serverSorted,
      renderHeaderCell: () => 'Assignee',
      renderCell: (sr) => (sr.assignee ? sr.assignee.name : <span className={styles.muted}>Unassigned</span>),
    }),
    createTableColumn<TServiceRequest>({
      columnId: 'updatedAt',
      compare: serverSorted,
      renderHeaderCell: () => 'Updated',
      renderCell: (sr) => <RelativeTime iso={sr.updatedAt} />,
    }),
  ];
}

const COLUMN_SIZES = {
  id: { minWidth: 100, idealWidth: 110 },
  title: { minWidth: 200, idealWidth: 340 },
  status: { minWidth: 130, idealWidth: 150 },
  priority: { minWidth: 70, idealWidth: 80 },
  requester: { minWidth: 160, idealWidth: 210 },
  assignee: { minWidth: 110, idealWidth: 140 },
  updatedAt: { minWidth: 120, idealWidth: 140 },
};

export function RequestsGrid(props: {
  items: TServiceRequest[];
  filters: ListFilters;
  onSortChange: (next: ListFilters) => void;
}) {
  const styles = useStyles();
  const columns = useColumns();
  const { filters } = props;
  const sortState: DataGridProps['sortState'] = {
    sortColumn: filters.sort,
    sortDirection: filters.order === 'asc' ? 'ascending' : 'descending',
  };

  const handleSortChange: DataGridProps['onSortChange'] = (_, next) =>
    props.onSortChange({
      ...filters,
      sort: next.sortColumn as SortField,
      order: next.sortDirection === 'ascending' ? 'asc' : 'desc',
    });

  return (
    <DataGrid
      className={styles.grid}
      items={props.items}
      columns={columns}
      getRowId={(sr: TServiceRequest) => sr.number}
      sortable
      sortState={sortState}
      onSortChange={handleSortChange}
      resizableColumns
      columnSizingOptions={COLUMN_SIZES}
      aria-label="Service requests"
    >
      <DataGridHeader>
        <DataGridRow>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<TServiceRequest>>
        {({ item, rowId }) => (
          <DataGridRow<TServiceRequest>
            key={rowId}
            className={styles.row}
            onClick={() => navigate(requestHref(item.number))}
            // Arrow keys move between rows and cells (the grid is one Tab stop); Enter anywhere on the row opens the SR.
            onKeyDown={(event: KeyboardEvent) =>
              event.key === 'Enter' && !event.defaultPrevented && navigate(requestHref(item.number))
            }
          >
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
