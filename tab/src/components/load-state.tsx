import { ApiError } from '../api/client';
import { ErrorBar } from './error-bar';
import { LoadingBlock } from './loading-block';
import type { Resource } from './use-resource';
import { Unavailable } from './unavailable';

type Missing = { title: string; text: string; backHref: string; backLabel: string };

/**
 * What a resource shows before (or instead of) its data: the API's message with "Try again", or a spinner while
 * nothing has arrived yet (never a blank screen). Lists and panels keep data from before a failed reload below the
 * message; with `missing`, a 404 says the thing is gone and offers the way back instead of an error.
 */
export function LoadState(props: {
  resource: Resource<unknown>;
  /** What else the page cannot work without (the templates a rule list names): their failures show here too. */
  also?: readonly Resource<unknown>[];
  loadingLabel: string;
  failedTitle: string;
  missing?: Missing;
}) {
  const { resource, missing } = props;
  const failed = [resource, ...(props.also ?? [])].find((r) => r.error !== undefined);
  if (failed?.error) {
    if (missing && failed.error instanceof ApiError && failed.error.status === 404) {
      return (
        <Unavailable title={missing.title} backHref={missing.backHref} backLabel={missing.backLabel}>
          {missing.text}
        </Unavailable>
      );
    }
    return <ErrorBar error={failed.error} title={props.failedTitle} onRetry={failed.reload} />;
  }
  return resource.data === undefined ? <LoadingBlock label={props.loadingLabel} /> : null;
}

/** A page that needs its data first: `if (!isLoaded(r)) return <LoadState resource={r} … />`. */
export const isLoaded = <T,>(
  resource: Resource<T>,
): resource is Resource<T> & { data: T; error: undefined } =>
  resource.data !== undefined && resource.error === undefined;
