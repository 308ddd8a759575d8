import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { href } from '../../../routing/route';
import {
  checkAppRegistration,
  checkClientSecret,
  checkExchangeAccess,
  checkMailAccount,
  checkNoGraphConsent,
  checkPublicNoteType,
  checkReplyMarker,
  type Check,
  type SetupFacts,
} from './setup-checks';

// The README's "Install in your tenant", as the steps an admin follows. The permission steps take its recommended
// path, Exchange RBAC for Applications with no Graph mail consent in Entra (Microsoft Learn: "Role Based Access
// Control for Applications in Exchange Online", https://learn.microsoft.com/exchange/permissions-exo/application-rbac),
// and show the consent route with an application access policy as the alternative it documents.

const useStyles = makeStyles({
  code: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    padding: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  alternative: { marginTop: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
});

export type Step = { title: string; path?: string; body: ReactNode; check: Check; action?: ReactNode };

export function useSetupSteps(facts: SetupFacts): Step[] {
  const styles = useStyles();
  const account = facts.accounts.find((a) => a.isDefault);
  const appId = account?.clientId ?? '<Application (client) ID>';
  const mailbox = account?.userPrincipalName ?? '<desk mailbox>';
  const code = (lines: string[]) => <code className={styles.code}>{lines.join('\n')}</code>;
  const accountsLink = <Link href={href({ page: 'admin', section: 'accounts' })}>Open email accounts</Link>;
  return [
    {
      title: 'Register an app for the desk’s mail in Microsoft Entra ID',
      path: 'Entra admin center > App registrations > New registration',
      body: 'Choose "Accounts in this organisational directory only" and leave the redirect URI empty: the mail service signs in as itself. Note the Application (client) ID and the Directory (tenant) ID, and under Enterprise applications the app’s Object ID (step 4 needs it).',
      check: checkAppRegistration(facts),
    },
    {
      title: 'Create a client secret',
      path: 'App registration > Certificates & secrets > Client secrets > New client secret',
      body: 'Pick an expiry and copy the Value at once: it is shown only this one time. The Secret ID is not the secret.',
      check: checkClientSecret(facts),
    },
    {
      title: 'Leave Graph mail permissions out of Entra ID',
      path: 'App registration > API permissions',
      body: 'Add no Mail.ReadWrite or Mail.Send application permission and grant no admin consent: Entra consent reaches every mailbox in the tenant, however narrow the Exchange scope of step 4, because the two add up. If an older guide added them, use Revoke admin consent, then Remove permission.',
      check: checkNoGraphConsent(facts),
    },
    {
      title: 'Grant mail access in Exchange Online, scoped to the desk mailbox',
      path: 'Exchange Online PowerShell, as a member of Organization Management',
      body: (
        <>
          RBAC for Applications gives the app Mail.ReadWrite and Mail.Send on the desk mailbox only. New
          assignments take 30 minutes to 2 hours to apply.
          {code([
            `New-ServicePrincipal -AppId ${appId} -ObjectId <Enterprise application Object ID> -DisplayName "Service Messaging mail"`,
            `New-ManagementScope -Name "Service Messaging mailbox" -RecipientRestrictionFilter "PrimarySmtpAddress -eq '${mailbox}'"`,
            `New-ManagementRoleAssignment -App ${appId} -Role "Application Mail.ReadWrite" -CustomResourceScope "Service Messaging mailbox"`,
            `New-ManagementRoleAssignment -App ${appId} -Role "Application Mail.Send" -CustomResourceScope "Service Messaging mailbox"`,
            `Test-ServicePrincipalAuthorization -Identity ${appId} -Resource ${mailbox}`,
          ])}
          <details className={styles.alternative}>
            <summary className={styles.summary}>
              The alternative: Graph consent limited by an application access policy
            </summary>
            The older route of some guides. Microsoft replaces access policies with RBAC for Applications and
            asks that no new ones be created. Add Mail.ReadWrite and Mail.Send under API permissions with
            admin consent (instead of step 3), put the desk mailbox in a mail-enabled security group, then
            limit the app to it:
            {code([
              `New-ApplicationAccessPolicy -AppId ${appId} -PolicyScopeGroupId <group email> -AccessRight RestrictAccess -Description "Service Messaging: desk mailbox only"`,
              `Test-ApplicationAccessPolicy -Identity ${mailbox} -AppId ${appId}`,
            ])}
          </details>
        </>
      ),
      check: checkExchangeAccess(facts),
    },
    {
      title: 'Add the desk mailbox as the Default account with Service Messaging',
      path: 'Administration > Mail > Accounts > Email',
      body: 'Enter the email address (a shared mailbox or a user mailbox), set Default and Service Messaging to Yes, and add the Directory (tenant) ID, Application (client) ID and client secret value. Then run Test connection.',
      check: checkMailAccount(facts),
      action: accountsLink,
    },
    {
      title: 'Keep the PUBLIC note type with access level User',
      path: 'Administration > General > Type',
      body: 'Every email reply is filed as a PUBLIC note. We recommend access level User so the requester sees their own words.',
      check: checkPublicNoteType(facts),
      action: <Link href={href({ page: 'admin', section: 'note-types' })}>Open note types</Link>,
    },
    {
      title: 'Keep the reply marker in the mail templates',
      path: 'Administration > Mail > Templates',
      body: (
        <>
          The reply text must hold <code>##- Please type your reply above this line -## #EC_ID#</code> ("Set
          Example text" fills it in). The words between the hashes may change; #EC_ID# must stay.
        </>
      ),
      check: checkReplyMarker(facts),
      action: <Link href={href({ page: 'admin', section: 'templates' })}>Open templates</Link>,
    },
  ];
}
