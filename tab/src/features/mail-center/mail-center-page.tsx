import { Button, useRestoreFocusTarget } from '@fluentui/react-components';
import { DeleteRegular, MailCheckmarkRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PagedList } from '../../components/paged-list';
import { RefreshButton } from '../../components/refresh-button';
import { useCursorPaging } from '../../components/use-cursor-paging';
import { useNotify } from '../../components/use-notify';
import { useResource } from '../../components/use-resource';
import { href } from '../../routing/route';
import { navigate } from '../../routing/use-hash-route';
import { useLiveChange } from '../../live/live-changes';
import { useDesk } from '../../session/desk-context';
import {
  DEFAULT_FILTERS,
  readMailCenterFilters,
  toMailCenterQuery,
  writeMailCenterFilters,
  type MailCenterFilters,
} from './mail-center-filters';
import { MailCenterTable } from './mail-center-table';
import { MailCenterToolbar } from './mail-center-toolbar';

const PAGE_SIZE = 25;

/** Inbound email that did not become a note: agents link it to an SR, make an SR of it, or discard it. */
export function MailCenterPage(props: { params: URLSearchParams }) {
  const { api } = useDesk();
  const notify = useNotify();
  const filterKey = props.params.toString();
  const filters = readMailCenterFilters(props.params);
  const paging = useCursorPaging(filterKey, PAGE_SIZE);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // The items the confirmation is about, fixed when it opens.
  const [discarding, setDiscarding] = useState<string[] | undefined>(undefined);
  // The dialog gives focus back to the button that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();

  const page = useResource(
    (signal) =>
      api.listMailCenter(
        toMailCenterQuery(readMailCenterFilters(new URLSearchParams(filterKey)), paging.cursor, PAGE_SIZE),
        signal,
      ),
    [api, filterKey, paging.cursor],
  );

  // New mail the engine could not place appears without a reload.
  useLiveChange((change) => change.collections.includes('mailCenter'), page.reload);

  const handleFiltersChange = useCallback((next: MailCenterFilters) => {
    setSelected(new Set());
    navigate(href({ page: 'mail-center', params: writeMailCenterFilters(next) }), { replace: true });
  }, []);

  // The confirmation dialog shows progress, and the API's message when it fails.
  const handleBulkDiscard = async (itemIds: string[]) => {
    const result = await api.discardMailCenterItems(itemIds);
    notify(
      result.discarded === 1 ? '1 email discarded' : `${result.discarded} emails discarded`,
      result.skipped ? `${result.skipped} were no longer open and were left as they are.` : undefined,
    );
    setSelected(new Set());
    page.reload();
  };

  const isFiltered = filterKey !== '';

  return (
    <>
      <PageHeader
        title="Mail Center"
        description="Emails that did not become a note on their own, with the reason. Link each to an SR, make a new SR of it, or discard it."
        actions={
          <>
            <RefreshButton onRefresh={page.reload} isLoading={page.isLoading} />
            <Button
              icon={<DeleteRegular />}
              onClick={() => setDiscarding([...selected])}
              disabled={selected.size === 0}
              {...restoreFocusTarget}
            >
              {selected.size > 0 ? `Discard ${selected.size} selected` : 'Discard selected'}
            </Button>
          </>
        }
      />
      <MailCenterToolbar filters={filters} onChange={handleFiltersChange} />
      <PagedList
        page={page}
        paging={paging}
        loadingLabel="Loading the Mail Center…"
        failedTitle="The Mail Center could not be loaded"
        empty={
          <EmptyState
            icon={<MailCheckmarkRegular />}
            title={isFiltered ? 'No emails match these filters' : 'Nothing waiting in the Mail Center'}
            action={
              isFiltered ? (
                <Button onClick={() => handleFiltersChange(DEFAULT_FILTERS)}>Clear filters</Button>
              ) : undefined
            }
          >
            {isFiltered
              ? 'Clear the filters, or choose the state "All" to see emails already handled.'
              : 'Every email that reached the service mailbox became a note on its SR. Emails that cannot be matched will wait here.'}
          </EmptyState>
        }
      >
        {(items) => <MailCenterTable items={items} selected={selected} onSelectedChange={setSelected} />}
      </PagedList>
      {discarding && (
        <ConfirmDialog
          title={discarding.length === 1 ? 'Discard 1 email?' : `Discard ${discarding.length} emails?`}
          confirmLabel="Discard"
          onConfirm={() => handleBulkDiscard(discarding)}
          onClose={() => setDiscarding(undefined)}
        >
          They leave the open list for good: a discarded email cannot be linked to an SR or reprocessed. The
          state filter "Discarded" still shows them.
        </ConfirmDialog>
      )}
    </>
  );
}
