import type { MailAccount } from '../domain/mail-account.js';
import { explainError } from './explain-error.js';
import type { ConnectionStep, ConnectionTest } from '../ports/mail-engine.js';
import type { Mailbox } from '../ports/mailbox.js';

// "Test connection": each step on its own, so the admin sees the first thing that is wrong and what already works.
export async function testConnection(
  mailbox: Mailbox,
  account: MailAccount,
  now: Date,
): Promise<ConnectionTest> {
  if (mailbox.diagnose) {
    // IMAP/SMTP: DNS, TCP, TLS, sign-in, folder and the SMTP server, each in the transport's own words.
    const steps = await mailbox.diagnose(account.folder);
    return { ok: steps.every((s) => s.ok), steps };
  }
  const steps: ConnectionStep[] = [];
  let hasGraphMailConsent: boolean | undefined;
  const step = async (name: ConnectionStep['name'], run: () => Promise<string>): Promise<boolean> => {
    try {
      steps.push({ name, ok: true, detail: await run() });
      return true;
    } catch (error) {
      steps.push({
        name,
        ok: false,
        detail:
          error instanceof StepFailed
            ? error.message
            : explainError(error, now, { folder: account.folder }).explanation,
      });
      return false;
    }
  };
  const ok =
    (await step('token', async () => {
      await mailbox.checkToken();
      return 'The identity platform issued a token for the app.';
    })) &&
    (await step('mailbox', async () => {
      await mailbox.resolveFolder('inbox');
      return `The app can open ${account.userPrincipalName}.`;
    })) &&
    (await step('folder', async () => {
      const folder = await mailbox.resolveFolder(account.folder);
      return `Found the folder "${folder.displayName}".`;
    })) &&
    (await step('send-permission', async () => {
      const permission = await mailbox.checkSendPermission();
      hasGraphMailConsent = permission === 'granted';
      if (permission === 'denied')
        throw new StepFailed(
          'The app lacks the Mail.Send application permission (or its admin consent): the desk cannot send email from this mailbox.',
        );
      if (permission === 'unknown')
        return "The token carries no Graph Mail.Send consent, as intended with Exchange RBAC for Applications: Exchange checks the send permission when the desk sends, and the SR's email log shows a refusal.";
      return 'The app has the Mail.Send application permission (Entra admin consent).';
    }));
  return { ok, steps, ...(hasGraphMailConsent === undefined ? {} : { hasGraphMailConsent }) };
}

class StepFailed extends Error {}
