import { useCallback, useEffect, useState } from 'react';
import type { TAddinEmail } from '../../../../api/src/contract/addin-email';
import { toError } from '../../../../web-shared/to-error';
import type { MailHost } from '../../host/mail-host';

export type CurrentEmail =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; email: TAddinEmail }
  | { status: 'failed'; error: Error };

/** The email open in the host, read again whenever the host says another one was opened. */
export function useCurrentEmail(host: MailHost): CurrentEmail & { reload: () => void } {
  const [state, setState] = useState<CurrentEmail>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      setState({ status: 'loading' });
      host
        .readCurrentEmail()
        .then(
          (email) => mine === generation && setState(email ? { status: 'ready', email } : { status: 'none' }),
        )
        .catch((err: unknown) => mine === generation && setState({ status: 'failed', error: toError(err) }));
    };
    load();
    const unsubscribe = host.onEmailChanged(load);
    return () => {
      generation = -1;
      unsubscribe();
    };
  }, [host, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
