import { Button, Caption1, Card, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { TList } from '../../../api/src/contract/common';
import { ErrorBar } from './error-bar';
import { LoadingBlock } from './loading-block';
import type { CursorPaging } from './use-cursor-paging';
import type { Resource } from './use-resource';

const useStyles = makeStyles({
  card: { padding: 0, overflowX: 'auto' },
  pager: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalM,
  },
});

/**
 * One page of a list the API pages: the API's message if it failed, then a card with a spinner, the empty state
 * (which says what to do next) or the table with "1–25 of 80" and Previous / Next.
 */
export function PagedList<T>(props: {
  page: Resource<TList<T>>;
  paging: CursorPaging;
  loadingLabel: string;
  failedTitle: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const styles = useStyles();
  const { page, paging } = props;
  const data = page.data;
  return (
    <>
      {page.error && <ErrorBar error={page.error} title={props.failedTitle} onRetry={page.reload} />}
      <Card className={styles.card}>
        {!data && !page.error && <LoadingBlock label={props.loadingLabel} />}
        {data && data.items.length === 0 && props.empty}
        {data && data.items.length > 0 && (
          <>
            {props.children(data.items)}
            <div className={styles.pager}>
              <Caption1 aria-live="polite">
                {paging.first}–{paging.first + data.items.length - 1} of {data.total}
                {data.totalIsCapped ? '+' : ''}
              </Caption1>
              {(paging.hasPrevious || data.nextCursor) && (
                <>
                  <Button
                    icon={<ChevronLeftRegular />}
                    disabled={!paging.hasPrevious || page.isLoading}
                    onClick={paging.previous}
                  >
                    Previous
                  </Button>
                  <Button
                    icon={<ChevronRightRegular />}
                    iconPosition="after"
                    disabled={!data.nextCursor || page.isLoading}
                    onClick={() => data.nextCursor && paging.next(data.nextCursor)}
                  >
                    Next
                  </Button>
                </>
              )}
            </div>
          </>
        )}
      </Card>
    </>
  );
}
