import { makeStyles, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ root: { padding: tokens.spacingVerticalXXL } });

export function LoadingBlock(props: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Spinner size="small" label={props.label} />
    </div>
  );
}
