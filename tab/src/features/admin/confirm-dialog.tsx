import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { ErrorBar } from '../../components/error-bar';

/** Asks before something that cannot be undone; keeps the dialog open with the API's message if it fails. */
export function ConfirmDialog(props: { title: string; confirmLabel: string; children: ReactNode; onConfirm: () => Promise<void>; onClose: () => void }) {
  const [isWorking, setIsWorking] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);

  const handleConfirm = async () => {
    setIsWorking(true);
    setError(undefined);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setIsWorking(false);
    }
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            {props.children}
            {error && <ErrorBar error={error} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose} disabled={isWorking}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={() => void handleConfirm()} disabled={isWorking} icon={isWorking ? <Spinner size="tiny" /> : undefined}>
              {props.confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
