import { Button, useRestoreFocusTarget } from '@fluentui/react-components';
import { AddRegular, TextBulletListSquareSearchRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PagedList } from '../../components/paged-list';
import { RefreshButton } from '../../components/refresh-button';
import type { CursorPaging } from '../../components/use-cursor-paging';
import { useSlashFocusesSearch } from '../../components/use-slash-focuses-search';
import { useResource } from '../../components/use-resource';
import { useLiveChange } from '../../live/live-changes';
import { href } from '../../routing/route';
import { navigate } from '../../routing/use-hash-route';
import { useDesk } from '../../session/desk-context';
import { hasActiveFilters, readFilters, toQuery, writeFilters, type ListFilters } from './list-params';
import { NewRequestDialog } from './new-request-dialog';
import { RequestFilters } from './request-filters';
import { RequestsGrid } from './requests-grid';

export function RequestsPage(props: { params: URLSearchParams }) {
  const { api } = useDesk();
  const filterKey = props.params.toString();
  const filters = readFilters(props.params);
  const [isCreating, setIsCreating] = useState(false);
  // Dialogs opened from these buttons give focus back to them when they close.
  const restoreFocusTarget = useRestoreFocusTarget();
  const statuses = useResource((signal) => api.listStatuses(signal), [api]);
  const page = useResource(
    (signal) => api.listRequests(toQuery(readFilters(new URLSearchParams(filterKey))), signal),
    [api, filterKey],
  );
  // The page number is in the address (pushed, not replaced), so Back from page 3 or from an SR returns to page 3.
  const toPage = (n: number) =>
    navigate(href({ page: 'requests', params: writeFilters({ ...filters, page: n }) }));
  const paging: CursorPaging = {
    cursor: undefined,
    first: (filters.page - 1) * filters.pageSize + 1,
    hasPrevious: filters.page > 1,
    next: () => toPage(filters.page + 1),
    previous: () => toPage(filters.page - 1),
  };
  useSlashFocusesSearch();

  // Another agent or the engine changed an SR: the list shows it without a reload.
  useLiveChange((change) => change.collections.includes('requests'), page.reload);

  // A new filter, sort or page size starts again at page 1.
  const handleFiltersChange = useCallback(
    (next: ListFilters) =>
      navigate(href({ page: 'requests', params: writeFilters({ ...next, page: 1 }) }), { replace: true }),
    [],
  );

  return (
    <>
      <PageHeader
        title="Service requests"
        description="Requests from your customers, with their email replies."
        actions={
          <>
            <RefreshButton onRefresh={page.reload} isLoading={page.isLoading} />
            <Button
              appearance="primary"
              icon={<AddRegular />}
              onClick={() => setIsCreating(true)}
              {...restoreFocusTarget}
            >
              New service request
            </Button>
          </>
        }
      />
      <RequestFilters
        filters={filters}
        statuses={statuses.data?.items ?? []}
        onChange={handleFiltersChange}
      />
      <PagedList
        page={page}
        paging={paging}
        loadingLabel="Loading service requests…"
        failedTitle="Service requests could not be loaded"
        empty={
          <EmptyState
            icon={<TextBulletListSquareSearchRegular />}
            title={
              hasActiveFilters(filters)
                ? 'No service requests match these filters'
                : 'No service requests yet'
            }
            action={
              hasActiveFilters(filters) ? (
                <Button
                  onClick={() =>
                    handleFiltersChange({
                      ...filters,
                      q: '',
                      statuses: [],
                      assignee: 'anyone',
                      hasNewEmailReply: false,
                    })
                  }
                >
                  Clear filters
                </Button>
              ) : (
                <Button appearance="primary" onClick={() => setIsCreating(true)} {...restoreFocusTarget}>
                  New service request
                </Button>
              )
            }
          >
            {hasActiveFilters(filters)
              ? 'Clear the filters or search for something else.'
              : 'Create the first one, or wait for customers to write in.'}
          </EmptyState>
        }
      >
        {(items) => <RequestsGrid items={items} filters={filters} onSortChange={handleFiltersChange} />}
      </PagedList>
      {isCreating && <NewRequestDialog onClose={() => setIsCreating(false)} />}
    </>
  );
}
