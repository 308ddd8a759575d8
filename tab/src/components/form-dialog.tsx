import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactElement, ReactNode } from 'react';
import { ErrorBar } from './error-bar';
import { fieldErrors } from '../../../web-shared/field-errors';
import { usePendingAction } from './use-pending-action';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type FormDialogProps = {
  title: ReactNode;
  submitLabel: string;
  /** The submit button's text while it runs ("Sending…"); without it the label stays. */
  busyLabel?: string;
  submitIcon?: ReactElement;
  /** What did not happen, above the API's message ("The rule was not saved"). */
  failedTitle?: string;
  isSubmitDisabled?: boolean;
  /** 'alert' for a confirmation: a click outside does not dismiss it. */
  modalType?: 'modal' | 'alert';
  className?: string;
  /** Rejects to keep the dialog open with the API's message; resolves and the dialog closes. */
  onSubmit: () => Promise<void> | void;
  onClose: () => void;
  /** The fields; a function gets the API's validation messages by field for Fluent Field's validationMessage. */
  children: ReactNode | ((problems: Record<string, string>) => ReactNode);
};

/**
 * A dialog around one form: title, fields, Cancel and a submit button that shows progress. While it runs, submit
 * stays focusable (disabledFocusable) so focus never falls to the page and can go back to the button that opened
 * the dialog when it closes.
 */
export function FormDialog(props: FormDialogProps) {
  const styles = useStyles();
  const { isBusy, failure, run } = usePendingAction<'submit'>();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run('submit', props.failedTitle, async () => {
      await props.onSubmit();
      props.onClose();
    });
  };

  return (
    <Dialog
      open
      modalType={props.modalType ?? 'modal'}
      onOpenChange={(_, data) => !data.open && props.onClose()}
    >
      <DialogSurface className={props.className}>
        <form onSubmit={handleSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.content}>
              {typeof props.children === 'function'
                ? props.children(fieldErrors(failure?.error))
                : props.children}
              {failure && <ErrorBar error={failure.error} title={failure.title} />}
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose} disabled={isBusy}>
                Cancel
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={props.isSubmitDisabled}
                disabledFocusable={isBusy}
                icon={isBusy ? <Spinner size="tiny" /> : props.submitIcon}
              >
                {isBusy && props.busyLabel ? props.busyLabel : props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
