import { Body1, Button, Caption1, Card, Link, makeStyles, mergeClasses, ProgressBar, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, InfoRegular, WarningFilled } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { isLoaded, LoadState } from '../../../components/load-state';
import { PageHeader } from '../../../components/page-header';
import { useResource } from '../../../components/use-resource';
import { href } from '../../../routing/route';
import { useDesk } from '../../../session/desk-context';
import { checkAppRegistration, checkClientSecret, checkMailAccount, checkPublicNoteType, checkReplyMarker, type Check, type CheckState, type SetupFacts } from './setup-checks';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL, maxWidth: '880px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  card: { padding: tokens.spacingHorizontalL, flexDirection: 'row', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  icon: { fontSize: '24px', flexShrink: 0, marginTop: '2px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  manual: { color: tokens.colorBrandForeground1 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  path: { color: tokens.colorNeutralForeground3 },
  code: { display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
});

const STATE_LABEL: Record<CheckState, string> = { done: 'Done', warning: 'Needs attention', todo: 'To do', manual: 'Check yourself' };

type Step = { title: string; path?: string; body: ReactNode; check: Check; action?: ReactNode };

/** The M365 steps of the seed guides, in order, with a live tick wherever the API can confirm one. */
export function SetupChecklist() {
  const styles = useStyles();
  const { api } = useDesk();
  const facts = useResource(async (signal): Promise<SetupFacts> => {
    const [accounts, noteTypes, templates] = await Promise.all([api.listMailAccounts(signal), api.listNoteTypes(signal), api.listTemplates(signal)]);
    return { accounts: accounts.items, noteTypes: noteTypes.items, templates: templates.items };
  }, [api]);

  if (!isLoaded(facts)) return <LoadState resource={facts} loadingLabel="Checking the setup…" failedTitle="The setup could not be checked" />;

  const clientId = facts.data.accounts.find((a) => a.isDefault)?.clientId ?? '<Application (client) ID>';
  const mailbox = facts.data.accounts.find((a) => a.isDefault)?.userPrincipalName ?? '<desk mailbox>';
  const manual = (detail: string): Check => ({ state: 'manual', detail });
  const steps: Step[] = [
    {
      title: 'Register an app for the desk’s mail in Microsoft Entra ID',
      path: 'Entra admin center > App registrations > New registration',
      body: 'Choose "Accounts in this organisational directory only" and leave the redirect URI empty: the mail service signs in as itself. Note the Application (client) ID and Directory (tenant) ID from the Overview page.',
      check: checkAppRegistration(facts.data),
    },
    {
      title: 'Create a client secret',
      path: 'App registration > Certificates & secrets > Client secrets > New client secret',
      body: 'Pick an expiry and copy the Value at once: it is shown only this one time.',
      check: checkClientSecret(facts.data),
    },
    {
      title: 'Grant Microsoft Graph permissions and admin consent',
      path: 'App registration > API permissions > Add a permission > Microsoft Graph > Application permissions',
      body: 'Add Mail.ReadWrite and Mail.Send, then select "Grant admin consent" for your organisation.',
      check: manual('The desk can confirm this once it connects to the mailbox.'),
    },
    {
      title: 'Restrict the app to the service mailbox',
      path: 'Exchange Online PowerShell',
      body: (
        <>
          Without a policy the app could read every mailbox. Put the desk mailbox in a mail-enabled security group and restrict the app to it:
          <code className={styles.code}>
            {`New-ApplicationAccessPolicy -AppId ${clientId} -PolicyScopeGroupId <group e-mail> -AccessRight RestrictAccess -Description "Service Messaging: desk mailbox only"\nTest-ApplicationAccessPolicy -Identity ${mailbox} -AppId ${clientId}`}
          </code>
        </>
      ),
      check: manual('Exchange Online keeps this policy; run Test-ApplicationAccessPolicy to confirm it.'),
    },
    {
      title: 'Add the desk mailbox as the Default account with Service Messaging',
      path: 'Administration > Mail > Accounts > Email',
      body: 'Enter the email address, set Default and Service Messaging to Yes, and add the Directory (tenant) ID, Application (client) ID and client secret value.',
      check: checkMailAccount(facts.data),
      action: <Link href={href({ page: 'admin', section: 'accounts' })}>Open email accounts</Link>,
    },
    {
      title: 'Keep the PUBLIC note type with access level User',
      path: 'Administration > General > Type',
      body: 'Every email reply is filed as a PUBLIC note. We recommend access level User so the requester sees their own words.',
      check: checkPublicNoteType(facts.data),
      action: <Link href={href({ page: 'admin', section: 'note-types' })}>Open note types</Link>,
    },
    {
      title: 'Keep the reply marker in the mail templates',
      path: 'Administration > Mail > Templates',
      body: (
        <>
          The reply text must hold <code>##- Please type your reply above this line -## #EC_ID#</code> ("Set Example text" fills it in). The words between the hashes may change; #EC_ID# must stay.
        </>
      ),
      check: checkReplyMarker(facts.data),
      action: <Link href={href({ page: 'admin', section: 'templates' })}>Open templates</Link>,
    },
  ];
  const verifiable = steps.filter((s) => s.check.state !== 'manual');
  const passed = verifiable.filter((s) => s.check.state === 'done').length;

  return (
    <>
      <PageHeader
        path="Administration > Setup checklist"
        title="Set up service messaging"
        description="The Microsoft 365 steps from the setup guides. Ticks are checked live against this desk's configuration."
        actions={<Button onClick={facts.reload}>Check again</Button>}
      />
      <div className={styles.summary}>
        <Text weight="semibold" aria-live="polite">
          {passed} of {verifiable.length} checks pass
        </Text>
        <ProgressBar value={passed / verifiable.length} color={passed === verifiable.length ? 'success' : 'brand'} aria-label="Setup progress" />
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
                <Body1>{step.body}</Body1>
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
      return <CheckmarkCircleFilled className={mergeClasses(styles.icon, styles.done)} aria-label={label} role="img" />;
    case 'warning':
      return <WarningFilled className={mergeClasses(styles.icon, styles.warning)} aria-label={label} role="img" />;
    case 'todo':
      return <CircleRegular className={mergeClasses(styles.icon, styles.todo)} aria-label={label} role="img" />;
    case 'manual':
      return <InfoRegular className={mergeClasses(styles.icon, styles.manual)} aria-label={label} role="img" />;
  }
}
