import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { TAddinFiling } from '../../../../api/src/contract/addin';
import type { Target } from '../suggestions/resolve-target';

/** The last word before a filed email changes SR: both SRs named, and what moves with it. */
export function MoveDialog(props: {
  from: TAddinFiling;
  to: Target & { title?: string | undefined };
  onMove: () => void;
  onClose: () => void;
}) {
  const { from, to } = props;
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Move this email from {from.number} to {to.number}?
          </DialogTitle>
          <DialogContent>
            It is filed on {from.number} · {from.title}. Its note and attachments move to {to.number}
            {to.title ? ` · ${to.title}` : ''}, and both SRs’ histories record the move.
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Cancel</Button>
            <Button appearance="primary" onClick={props.onMove}>
              Move to {to.number}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
