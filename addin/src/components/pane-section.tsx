import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

/** A titled block of the pane; the heading gives screen readers a map of the narrow pane. */
export function PaneSection(props: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = `section-${props.title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className={styles.root} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}
