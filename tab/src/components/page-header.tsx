import { makeStyles, Title3, tokens, Caption1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  text: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    flexGrow: 1,
    minWidth: '240px',
  },
  path: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The page's one h1, with the admin path the seed guides use ("Administration > Mail > Accounts > Email"). */
export function PageHeader(props: {
  title: ReactNode;
  path?: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.text}>
        {props.path && <Caption1 className={styles.path}>{props.path}</Caption1>}
        <Title3 as="h1">{props.title}</Title3>
        {props.description && <Caption1>{props.description}</Caption1>}
      </div>
      {props.actions && <div className={styles.actions}>{props.actions}</div>}
    </header>
  );
}
