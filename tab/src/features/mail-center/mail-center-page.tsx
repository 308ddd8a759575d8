import { Button, Caption1, Card, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ChevronLeftRegular, ChevronRightRegular, DeleteRegular, MailCheckmarkRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorBar } from '../../components/error-bar';
import { LoadingBlock } from '../../components/loading-block';
import { PageHeader } from '../../components/page-header';
import { useNotify } from '../../components/use-notify';
import { useResource } from '../../components/use-resource';
import { href } from '../../routing/route';
import { navigate } from '../../routing/use-hash-route';
import { useDesk } from '../../session/desk-context';
import { ConfirmDialog } from '../admin/confirm-dialog';
import { DEFAULT_FILTERS, readMailCenterFilters, toMailCenterQuery, writeMailCenterFilters, type MailCenterFilters } from './mail-center-filters';
import { MailCenterTable } from './mail-center-table';
import { MailCenterToolbar } from './mail-center-toolbar';

const PAGE_SIZE = 25;

const useStyles = makeStyles({
  card: { padding: 0, overflowX: 'auto' },
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalM },
});

/** Inbound email that did not become a note: agents link it to an SR, make an SR of it, or discard it. */
export function MailCenterPage(props: { params: URLSearchParams }) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const filterKey = props.params.toString();
  const filters = readMailCenterFilters(props.params);
  // The API pages with opaque cursors: remember the ones behind us to go back. A new filter starts over.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: filterKey, cursors: [undefined] });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // The items the confirmation is about, fixed when it opens.
  const [discarding, setDiscarding] = useState<string[] | undefined>(undefined);
  // The dialog gives focus back to the button that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();

  const page = useResource(
    (signal) => api.listMailCenter(toMailCenterQuery(readMailCenterFilters(new URLSearchParams(filterKey)), cursor, PAGE_SIZE), signal),
    [api, filterKey, cursor],
  );

  const handleFiltersChange = useCallback((next: MailCenterFilters) => {
    setSelected(new Set());
    navigate(href({ page: 'mail-center', params: writeMailCenterFilters(next) }), { replace: true });
  }, []);
  const handleNext = () => page.data?.nextCursor && setPaging({ key: filterKey, cursors: [...cursors, page.data.nextCursor] });
  const handlePrevious = () => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) });

  // The confirmation dialog shows progress, and the API's message when it fails.
  const handleBulkDiscard = async (itemIds: string[]) => {
    const result = await api.discardMailCenterItems(itemIds);
    notify(result.discarded === 1 ? '1 email discarded' : `${result.discarded} emails discarded`, result.skipped ? `${result.skipped} were no longer open and were left as they are.` : undefined);
    setSelected(new Set());
    page.reload();
  };

  const isFiltered = filterKey !== '';
  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  const shown = page.data?.items.length ?? 0;

  return (
    <>
      <PageHeader
        title="Mail Center"
        description="Emails that did not become a note on their own, with the reason. Link each to an SR, make a new SR of it, or discard it."
        actions={
          <>
            <Button icon={<ArrowClockwiseRegular />} onClick={page.reload} disabled={page.isLoading}>
              Refresh
            </Button>
            <Button icon={<DeleteRegular />} onClick={() => setDiscarding([...selected])} disabled={selected.size === 0} {...restoreFocusTarget}>
              {selected.size > 0 ? `Discard ${selected.size} selected` : 'Discard selected'}
            </Button>
          </>
        }
      />
      <MailCenterToolbar filters={filters} onChange={handleFiltersChange} />
      {page.error && <ErrorBar error={page.error} title="The Mail Center could not be loaded" onRetry={page.reload} />}
      <Card className={styles.card}>
        {!page.data && !page.error && <LoadingBlock label="Loading the Mail Center…" />}
        {page.data && page.data.items.length === 0 && (
          <EmptyState
            icon={<MailCheckmarkRegular />}
            title={isFiltered ? 'No emails match these filters' : 'Nothing waiting in the Mail Center'}
            action={isFiltered ? <Button onClick={() => handleFiltersChange(DEFAULT_FILTERS)}>Clear filters</Button> : undefined}
          >
            {isFiltered
              ? 'Clear the filters, or choose the state "All" to see emails already handled.'
              : 'Every email that reached the service mailbox became a note on its SR. Emails that cannot be matched will wait here.'}
          </EmptyState>
        )}
        {page.data && page.data.items.length > 0 && (
          <>
            <MailCenterTable items={page.data.items} selected={selected} onSelectedChange={setSelected} />
            <div className={styles.pager}>
              <Caption1 aria-live="polite">
                {first}–{first + shown - 1} of {page.data.total}
              </Caption1>
              {(cursors.length > 1 || page.data.nextCursor) && (
                <>
                  <Button icon={<ChevronLeftRegular />} disabled={cursors.length <= 1 || page.isLoading} onClick={handlePrevious}>
                    Previous
                  </Button>
                  <Button icon={<ChevronRightRegular />} iconPosition="after" disabled={!page.data.nextCursor || page.isLoading} onClick={handleNext}>
                    Next
                  </Button>
                </>
              )}
            </div>
          </>
        )}
      </Card>
      {discarding && (
        <ConfirmDialog
          title={discarding.length === 1 ? 'Discard 1 email?' : `Discard ${discarding.length} emails?`}
          confirmLabel="Discard"
          onConfirm={() => handleBulkDiscard(discarding)}
          onClose={() => setDiscarding(undefined)}
        >
          They leave the open list for good: a discarded email cannot be linked to an SR or reprocessed. The state filter
          "Discarded" still shows them.
        </ConfirmDialog>
      )}
    </>
  );
}
