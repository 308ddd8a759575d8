import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(300px, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    // Teams' side panel and phones: the side column goes below the main one.
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

/** A detail page's two columns (its children): what the thing is on the left, what to do with it on the right. */
export function DetailColumns(props: { children: ReactNode }) {
  return <div className={useStyles().columns}>{props.children}</div>;
}
