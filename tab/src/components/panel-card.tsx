import { Card, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({ card: { padding: tokens.spacingHorizontalL } });

/**
 * A side panel of a page (history, attachments, health): a card whose section is named by its h2, so screen
 * reader users can jump between panels. `footer` holds the panel's controls, below the section.
 */
export function PanelCard(props: {
  title: string;
  headingId: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Card className={styles.card}>
      <section aria-labelledby={props.headingId}>
        <Subtitle2 as="h2" id={props.headingId} block>
          {props.title}
        </Subtitle2>
        {props.children}
      </section>
      {props.footer}
    </Card>
  );
}
