import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { TAddinEmail } from '../../../../api/src/contract/addin-email';
import { fieldErrors } from '../../../../web-shared/field-errors';
import { toError } from '../../../../web-shared/to-error';
import type { AddinApi } from '../../api/addin-api';
import { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/error-bar';
import { formatBytes } from '../../components/format';
import { LoadingBlock } from '../../components/loading-block';
import { PaneSection } from '../../components/pane-section';
import type { MailHost } from '../../host/mail-host';
import { CreateRequestForm, type Priority } from '../actions/create-request-form';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../actions/limits';
import { MoveSection } from '../actions/move-section';
import { createdOutcome, filedOutcome, movedOutcome, type Outcome } from '../actions/outcome';
import { OutcomeBar } from '../actions/outcome-bar';
import { AttachmentPicker, defaultTicked } from '../attachments/attachment-picker';
import { EmailSummary } from '../email/email-summary';
import { Standing } from '../standing/standing';
import { useEmailStanding } from '../standing/use-email-standing';
import { defaultChoice, resolveTarget } from '../suggestions/resolve-target';
import { SuggestionList, type SuggestionChoice } from '../suggestions/suggestion-list';

function fileLabel(isBusy: boolean, isInMailCenter: boolean, number: string): string {
  if (isInMailCenter) return isBusy ? 'Linking…' : `Link the Mail Center item to ${number}`;
  return isBusy ? 'Filing…' : `File as reply on ${number}`;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' },
  warning: { color: tokens.colorPaletteRedForeground1 },
});

type ActionName = 'file' | 'create' | 'move';

/** Everything the agent does with one email: see where it stands, pick the SR, then file, link, create or move. */
export function EmailWorkspace(props: { api: AddinApi; host: MailHost; email: TAddinEmail }) {
  const styles = useStyles();
  const { api, host, email } = props;
  const standing = useEmailStanding(api, email);
  const attachments = email.attachments ?? [];
  const [picked, setPicked] = useState<SuggestionChoice | undefined>(undefined);
  const [ticked, setTicked] = useState(() => defaultTicked(attachments, MAX_ATTACHMENT_BYTES));
  const [busy, setBusy] = useState<ActionName | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [isCreating, setIsCreating] = useState(false);

  if (standing.status === 'loading') return <LoadingBlock label="Looking this email up…" />;
  if (standing.status === 'failed')
    return (
      <ErrorBar
        error={standing.error}
        title="Service Messaging could not look this email up"
        onRetry={standing.reload}
      />
    );

  const { lookup, suggestions } = standing;
  const filedOn = lookup.filings.map((f) => f.requestId);
  const choice = picked ?? defaultChoice(suggestions, filedOn);
  const { target, problem } = resolveTarget(choice, suggestions);
  const openMailCenterItem = lookup.mailCenter?.state === 'open' ? lookup.mailCenter : undefined;
  const tickedBytes = attachments.filter((a) => ticked.has(a.id)).reduce((sum, a) => sum + a.size, 0);
  const attachmentProblem =
    ticked.size > MAX_ATTACHMENTS
      ? `Tick at most ${MAX_ATTACHMENTS} attachments.`
      : tickedBytes > MAX_ATTACHMENT_BYTES
        ? `The ticked attachments add up to ${formatBytes(tickedBytes)}; at most ${formatBytes(MAX_ATTACHMENT_BYTES)} can be filed at once.`
        : undefined;

  const run = async (name: ActionName, title: string, action: () => Promise<Outcome>) => {
    setBusy(name);
    setOutcome(undefined);
    try {
      setOutcome(await action());
      setPicked(undefined);
      setIsCreating(false);
      standing.reload();
    } catch (err) {
      setOutcome({ intent: 'error', title, error: toError(err) });
      // Someone else filed or moved it meanwhile (a shared mailbox): show where it is now.
      if (err instanceof ApiError && err.code === 'conflict') standing.reload();
    } finally {
      setBusy(undefined);
    }
  };

  const readTicked = () =>
    Promise.all([...ticked].map(async (id) => ({ id, contentBase64: await host.readAttachmentContent(id) })));

  // Filing an email that waits in the Mail Center links that item: the API resolves it in the same transaction.
  const handleFile = (requestId: number) =>
    run(
      'file',
      openMailCenterItem ? 'The Mail Center item was not linked' : 'The email was not filed',
      async () =>
        filedOutcome(
          await api.file({ requestId, email, attachments: await readTicked() }),
          openMailCenterItem ? 'Linked' : 'Filed',
        ),
    );
  const handleCreate = (input: { title: string; priority: Priority }) =>
    run('create', 'The SR was not created', async () =>
      createdOutcome(await api.create({ email, attachments: await readTicked(), ...input })),
    );
  const handleMove = (fromRequestId: number, toRequestId: number) =>
    run('move', 'The note was not moved', async () =>
      movedOutcome(
        await api.move({ internetMessageId: email.internetMessageId, fromRequestId, toRequestId }),
      ),
    );

  const isTargetFiled = target !== undefined && filedOn.includes(target.requestId);
  const isBusy = busy !== undefined;

  const whereItStands = (
    <>
      <EmailSummary email={email} />
      <PaneSection title="Where this email stands">
        <Standing lookup={lookup} />
      </PaneSection>
    </>
  );

  // Filed already: where it is filed is the answer; moving it is a correction, offered on the side (MoveSection).
  if (lookup.state === 'filed') {
    return (
      <div className={styles.root}>
        {whereItStands}
        <div className={styles.actions}>
          {outcome && <OutcomeBar outcome={outcome} />}
          {busy === 'move' ? (
            <LoadingBlock label="Moving…" />
          ) : (
            <MoveSection
              filings={lookup.filings}
              suggestions={suggestions}
              isBusy={isBusy}
              onMove={(from, to) => void handleMove(from, to)}
            />
          )}
        </div>
      </div>
    );
  }

  return (
    <div className={styles.root}>
      {whereItStands}
      <PaneSection title="Which Service Request?">
        <SuggestionList
          suggestions={suggestions}
          filedOn={filedOn}
          choice={choice}
          otherProblem={problem}
          onChange={setPicked}
        />
      </PaneSection>
      <PaneSection title="Attachments">
        <AttachmentPicker
          attachments={attachments}
          ticked={ticked}
          maxBytes={MAX_ATTACHMENT_BYTES}
          onChange={setTicked}
        />
        {attachmentProblem && <Caption1 className={styles.warning}>{attachmentProblem}</Caption1>}
      </PaneSection>
      <div className={styles.actions}>
        {outcome && <OutcomeBar outcome={outcome} />}
        <Button
          appearance="primary"
          disabled={!target || isTargetFiled || isBusy || attachmentProblem !== undefined}
          onClick={() => target && void handleFile(target.requestId)}
        >
          {fileLabel(busy === 'file', openMailCenterItem !== undefined, target?.number ?? 'an SR')}
        </Button>
        {!isCreating && (
          <Button appearance="subtle" disabled={isBusy} onClick={() => setIsCreating(true)}>
            Create a new SR from this email
          </Button>
        )}
      </div>
      {isCreating && (
        <PaneSection title="New Service Request">
          <CreateRequestForm
            defaultTitle={email.subject}
            requester={email.from.name ? `${email.from.name} <${email.from.address}>` : email.from.address}
            isBusy={isBusy}
            problems={outcome?.intent === 'error' ? fieldErrors(outcome.error) : {}}
            onCreate={(input) => void handleCreate(input)}
            onCancel={() => setIsCreating(false)}
          />
        </PaneSection>
      )}
    </div>
  );
}
