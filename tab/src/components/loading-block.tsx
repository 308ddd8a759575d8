import { makeStyles, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { padding: tokens.spacingVerticalXXL, display: 'flex', justifyContent: 'center' },
});

export function LoadingBlock(props: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Spinner label={props.label} />
    </div>
  );
}
