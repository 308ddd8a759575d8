import { Button, Caption1, Card, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, ChevronLeftRegular, ChevronRightRegular, TextBulletListSquareSearchRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorBar } from '../../components/error-bar';
import { LoadingBlock } from '../../components/loading-block';
import { PageHeader } from '../../components/page-header';
import { useResource } from '../../components/use-resource';
import { href } from '../../routing/route';
import { navigate } from '../../routing/use-hash-route';
import { useDesk } from '../../session/desk-context';
import { hasActiveFilters, readFilters, toQuery, writeFilters, type ListFilters } from './list-params';
import { NewRequestDialog } from './new-request-dialog';
import { RequestFilters } from './request-filters';
import { RequestsGrid } from './requests-grid';

const PAGE_SIZE = 25;

const useStyles = makeStyles({
  card: { padding: 0, overflowX: 'auto' },
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalM },
});

export function RequestsPage(props: { params: URLSearchParams }) {
  const styles = useStyles();
  const { api } = useDesk();
  const filterKey = props.params.toString();
  const filters = readFilters(props.params);
  const [isCreating, setIsCreating] = useState(false);
  // Dialogs opened from these buttons give focus back to them when they close.
  const restoreFocusTarget = useRestoreFocusTarget();
  // The API pages with opaque cursors: remember the ones behind us to go back. A new filter starts over.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: filterKey, cursors: [undefined] });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];

  const statuses = useResource((signal) => api.listStatuses(signal), [api]);
  const page = useResource((signal) => api.listRequests(toQuery(readFilters(new URLSearchParams(filterKey)), cursor, PAGE_SIZE), signal), [api, filterKey, cursor]);

  const handleFiltersChange = useCallback((next: ListFilters) => navigate(href({ page: 'requests', params: writeFilters(next) }), { replace: true }), []);
  const handleNext = () => page.data?.nextCursor && setPaging({ key: filterKey, cursors: [...cursors, page.data.nextCursor] });
  const handlePrevious = () => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) });

  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  const shown = page.data?.items.length ?? 0;

  return (
    <>
      <PageHeader
        title="Service requests"
        description="Requests from your customers, with their email replies."
        actions={
          <>
            <Button icon={<ArrowClockwiseRegular />} onClick={page.reload} disabled={page.isLoading}>
              Refresh
            </Button>
            <Button appearance="primary" icon={<AddRegular />} onClick={() => setIsCreating(true)} {...restoreFocusTarget}>
              New service request
            </Button>
          </>
        }
      />
      <RequestFilters filters={filters} statuses={statuses.data?.items ?? []} onChange={handleFiltersChange} />
      {page.error && <ErrorBar error={page.error} title="Service requests could not be loaded" onRetry={page.reload} />}
      <Card className={styles.card}>
        {!page.data && !page.error && <LoadingBlock label="Loading service requests…" />}
        {page.data && page.data.items.length === 0 && (
          <EmptyState
            icon={<TextBulletListSquareSearchRegular />}
            title={hasActiveFilters(filters) ? 'No service requests match these filters' : 'No service requests yet'}
            action={
              hasActiveFilters(filters) ? (
                <Button onClick={() => handleFiltersChange({ ...filters, q: '', statuses: [], assignee: 'anyone', hasNewEmailReply: false })}>Clear filters</Button>
              ) : (
                <Button appearance="primary" onClick={() => setIsCreating(true)} {...restoreFocusTarget}>
                  New service request
                </Button>
              )
            }
          >
            {hasActiveFilters(filters) ? 'Clear the filters or search for something else.' : 'Create the first one, or wait for customers to write in.'}
          </EmptyState>
        )}
        {page.data && page.data.items.length > 0 && (
          <>
            <RequestsGrid items={page.data.items} filters={filters} onSortChange={handleFiltersChange} />
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
      {isCreating && <NewRequestDialog onClose={() => setIsCreating(false)} />}
    </>
  );
}
