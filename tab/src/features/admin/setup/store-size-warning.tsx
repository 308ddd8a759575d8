import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/**
 * The desk has outgrown lowdb: every commit rewrites the whole file, so past the size /api/health names agents and the
 * mail engine queue behind slow writes. Not a Microsoft 365 step, so it sits above the list and outside its count.
 */
export function StoreSizeWarning(props: { warning: string }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="store-size-warning">
      <MessageBarBody>
        <MessageBarTitle>This desk has outgrown its embedded database</MessageBarTitle>
        {props.warning}
      </MessageBarBody>
    </MessageBar>
  );
}
