import { useCallback, useEffect, useState } from 'react';
import type { TAddinLookup, TAddinSuggestion } from '../../../../api/src/contract/addin';
import type { TAddinEmail } from '../../../../api/src/contract/addin-email';
import { toError } from '../../../../web-shared/to-error';
import type { AddinApi } from '../../api/addin-api';

export type EmailStanding =
  | { status: 'loading' }
  | { status: 'ready'; lookup: TAddinLookup; suggestions: TAddinSuggestion[] }
  | { status: 'failed'; error: Error };

/** Where the email stands and which SRs it may belong to: asked together, refreshed after every action. */
export function useEmailStanding(api: AddinApi, email: TAddinEmail): EmailStanding & { reload: () => void } {
  const [state, setState] = useState<EmailStanding>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    // A refresh keeps showing the last answer until the new one arrives, so the pane does not flicker.
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    Promise.all([api.lookup({ email }, controller.signal), api.suggestions({ email }, controller.signal)])
      .then(([lookup, suggestions]) => setState({ status: 'ready', lookup, suggestions }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error: toError(err) });
      });
    return () => controller.abort();
  }, [api, email, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
