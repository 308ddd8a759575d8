import { Badge, type BadgeProps } from '@fluentui/react-components';

/** Closed statuses read as done; a customer's reply stands out because someone has to act on it. */
export function StatusBadge(props: { status: string; isClosed: boolean }) {
  const name = props.status.toLowerCase();
  const color: BadgeProps['color'] = props.isClosed
    ? 'success'
    : name.includes('replied')
      ? 'warning'
      : name.includes('awaiting')
        ? 'informative'
        : 'brand';
  return (
    <Badge appearance="tint" color={color} shape="rounded">
      {props.status}
    </Badge>
  );
}
