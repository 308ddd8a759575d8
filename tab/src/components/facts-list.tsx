import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
});

export type Fact = { label: string; value: ReactNode };

/**
 * Label and value rows, such as an email's From, To and Date, as a description list. A row that does not apply
 * (no Cc) is given as `false` and left out.
 */
export function FactsList(props: {
  facts: readonly (Fact | false)[];
  'aria-label'?: string;
  className?: string;
}) {
  const styles = useStyles();
  return (
    <dl className={mergeClasses(styles.facts, props.className)} aria-label={props['aria-label']}>
      {props.facts.map(
        (fact) =>
          fact && (
            <Fragment key={fact.label}>
              <dt className={styles.term}>{fact.label}</dt>
              <dd className={styles.detail}>{fact.value}</dd>
            </Fragment>
          ),
      )}
    </dl>
  );
}
