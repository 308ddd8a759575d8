import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ErrorBar } from './error-bar';
import type { Failure } from './use-pending-action';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS } });

/**
 * The end of an editor page's form: why the last save failed, Save with its progress, and Cancel back to the list.
 * Save stays focusable while it runs so keyboard focus does not fall to the page.
 */
export function SaveActions(props: {
  isSaving: boolean;
  cancelHref: string;
  failure: Failure | undefined;
  busyLabel?: string | undefined;
}) {
  const styles = useStyles();
  return (
    <>
      {props.failure && <ErrorBar error={props.failure.error} title={props.failure.title} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          disabledFocusable={props.isSaving}
          icon={props.isSaving ? <Spinner size="tiny" /> : undefined}
        >
          {props.isSaving ? (props.busyLabel ?? 'Saving…') : 'Save'}
        </Button>
        <Button as="a" href={props.cancelHref}>
          Cancel
        </Button>
      </div>
    </>
  );
}
