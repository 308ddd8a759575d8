import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { TNoteType } from '../../../../../api/src/contract/note-type';

/**
 * The seed guide's rule: "A Service Request Note Type must be configured. This must have a code of
 * 'PUBLIC'. We recommend that the Access Level is set to 'User' only." The API enforces User.
 */
export function PublicTypeStatus(props: {
  types: TNoteType[];
  onCreate: () => void;
  onFix: (type: TNoteType) => void;
}) {
  const publicType = props.types.find((t) => t.code === 'PUBLIC');
  if (!publicType) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The PUBLIC note type is missing</MessageBarTitle>
          Service messaging files every email reply as a note of type PUBLIC, with access level User so the
          requester's own words stay visible to them. Without it replies cannot be filed and Service Messaging
          cannot be switched on for a mail account.
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={props.onCreate}>
            Create PUBLIC
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (publicType.accessLevel !== 'User') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>PUBLIC has access level {publicType.accessLevel}</MessageBarTitle>
          Service messaging needs PUBLIC with access level User: email replies come from the requester and
          must stay visible to them.
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={() => props.onFix(publicType)}>
            Set to User
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="success">
      <MessageBarBody>
        PUBLIC is set up: email replies are filed as PUBLIC notes with access level User.
      </MessageBarBody>
    </MessageBar>
  );
}
