import {
  Button,
  Caption1,
  Card,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Subtitle2,
  Text,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, InfoRegular, WarningFilled } from '@fluentui/react-icons';
import { toError } from '../../../../../web-shared/to-error';
import type { DeskApi } from '../../../api/desk-api';
import { isLoaded, LoadState } from '../../../components/load-state';
import { PageHeader } from '../../../components/page-header';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';
import type { CheckState, ConnectionFacts, SetupFacts } from './setup-checks';
import { useSetupSteps } from './setup-steps';
import { StoreSizeWarning } from './store-size-warning';

const useStyles = makeStyles({
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
    maxWidth: '880px',
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '880px',
  },
  card: {
    padding: tokens.spacingHorizontalL,
    flexDirection: 'row',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
  },
  icon: { fontSize: '24px', flexShrink: 0, marginTop: '2px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  manual: { color: tokens.colorBrandForeground1 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  path: { color: tokens.colorNeutralForeground3 },
  text: typographyStyles.body1,
});

const STATE_LABEL: Record<CheckState, string> = {
  done: 'Done',
  warning: 'Needs attention',
  todo: 'To do',
  manual: 'Check yourself',
};

/** The Microsoft 365 steps of the README, in order, with a live tick wherever the API or a connection test can confirm one. */
export function SetupChecklist() {
  const { api } = useDesk();
  const facts = useResource(
    async (signal): Promise<SetupFacts> => {
      // Health only adds a notice: the checklist stands without it.
      const [accounts, noteTypes, templates, health] = await Promise.all([
        api.listMailAccounts(signal),
        api.listNoteTypes(signal),
        api.listTemplates(signal),
        api.health(signal).catch(() => undefined),
      ]);
      const account = accounts.items.find((a) => a.isDefault && a.clientSecret.isSet);
      const storeWarning = health?.checks.find((check) => check.name === 'store')?.warning;
      return {
        accounts: accounts.items,
        noteTypes: noteTypes.items,
        templates: templates.items,
        ...(storeWarning ? { storeWarning } : {}),
        ...(account ? { connection: await testConnection(api, account.id) } : {}),
      };
    },
    [api],
  );

  if (!isLoaded(facts))
    return (
      <LoadState
        resource={facts}
        loadingLabel="Checking the setup…"
        failedTitle="The setup could not be checked"
      />
    );
  return <Checklist facts={facts.data} onReload={facts.reload} />;
}

/** Test connection of the Default account: what Entra and Exchange grant shows only there. Its failure is a fact too. */
async function testConnection(api: DeskApi, accountId: string): Promise<ConnectionFacts> {
  try {
    return { test: await api.testAccount(accountId) };
  } catch (error) {
    return { error: toError(error).message };
  }
}

function Checklist(props: { facts: SetupFacts; onReload: () => void }) {
  const styles = useStyles();
  const steps = useSetupSteps(props.facts);
  // Every step counts, including those only the admin can confirm: the count says what the list shows.
  const done = steps.filter((s) => s.check.state === 'done').length;

  return (
    <>
      <PageHeader
        path="Administration > Setup checklist"
        title="Set up service messaging"
        description="The Microsoft 365 steps of the setup guide. Ticks are checked live against this desk's configuration and the Default account's Test connection."
        actions={<Button onClick={props.onReload}>Check again</Button>}
      />
      <div className={styles.summary}>
        {props.facts.storeWarning && <StoreSizeWarning warning={props.facts.storeWarning} />}
        <Text weight="semibold" aria-live="polite">
          {done} of {steps.length} steps done
        </Text>
        <ProgressBar
          value={done / steps.length}
          color={done === steps.length ? 'success' : 'brand'}
          aria-label="Setup progress"
        />
      </div>
      <ol className={styles.list}>
        {steps.map((step, index) => (
          <li key={step.title}>
            <Card className={styles.card}>
              <StateIcon state={step.check.state} />
              <div className={styles.body}>
                <Subtitle2 as="h2">
                  {index + 1}. {step.title}
                </Subtitle2>
                {step.path && <Caption1 className={styles.path}>{step.path}</Caption1>}
                {/* A div, not Body1's span: some steps hold code blocks and a <details> with the alternative route. */}
                <div className={styles.text}>{step.body}</div>
                <Caption1>
                  <strong>{STATE_LABEL[step.check.state]}:</strong> {step.check.detail}
                </Caption1>
                {step.action}
              </div>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}

function StateIcon(props: { state: CheckState }) {
  const styles = useStyles();
  const label = STATE_LABEL[props.state];
  switch (props.state) {
    case 'done':
      return (
        <CheckmarkCircleFilled
          className={mergeClasses(styles.icon, styles.done)}
          aria-label={label}
          role="img"
        />
      );
    case 'warning':
      return (
        <WarningFilled className={mergeClasses(styles.icon, styles.warning)} aria-label={label} role="img" />
      );
    case 'todo':
      return (
        <CircleRegular className={mergeClasses(styles.icon, styles.todo)} aria-label={label} role="img" />
      );
    case 'manual':
      return (
        <InfoRegular className={mergeClasses(styles.icon, styles.manual)} aria-label={label} role="img" />
      );
  }
}
