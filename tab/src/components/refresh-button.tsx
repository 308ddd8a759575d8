import { Button } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';

/** Loads what the page shows again (replies arrive while it is open); waits while a load runs. */
export function RefreshButton(props: { onRefresh: () => void; isLoading: boolean }) {
  return (
    <Button icon={<ArrowClockwiseRegular />} onClick={props.onRefresh} disabled={props.isLoading}>
      Refresh
    </Button>
  );
}
