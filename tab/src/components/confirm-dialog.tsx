import type { ReactNode } from 'react';
import { FormDialog } from './form-dialog';

/** Asks before something that cannot be undone; keeps the dialog open with the API's message if it fails. */
export function ConfirmDialog(props: {
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  return (
    <FormDialog
      modalType="alert"
      title={props.title}
      submitLabel={props.confirmLabel}
      onSubmit={props.onConfirm}
      onClose={props.onClose}
    >
      {props.children}
    </FormDialog>
  );
}
