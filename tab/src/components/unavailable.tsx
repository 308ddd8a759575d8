import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';

/** A page with nothing to show here (gone, not found, not allowed): what happened, and the one way out. */
export function Unavailable(props: {
  icon?: ReactNode;
  title: string;
  backHref: string;
  backLabel: string;
  children: ReactNode;
}) {
  return (
    <EmptyState
      icon={props.icon}
      title={props.title}
      action={
        <Button as="a" href={props.backHref} appearance="primary">
          {props.backLabel}
        </Button>
      }
    >
      {props.children}
    </EmptyState>
  );
}
