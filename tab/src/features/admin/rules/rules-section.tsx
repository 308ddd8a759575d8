import { Badge, Button, Card, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular, FlowRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TRule, TSaveRule } from '../../../../../api/src/contract/rule';
import { EmptyState } from '../../../components/empty-state';
import { ErrorBar } from '../../../components/error-bar';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useNotify } from '../../../components/use-notify';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';
import { ConfirmDialog } from '../confirm-dialog';
import { describeRecipients, describeTrigger } from './describe-rule';
import { RuleDialog } from './rule-dialog';

const useStyles = makeStyles({
  card: { padding: 0, overflowX: 'auto' },
  table: { minWidth: '760px' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

/** Service messaging > Rules: when something happens to an SR (trigger), send a template to its people. */
export function RulesSection() {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const rules = useResource((signal) => api.listRules(signal), [api]);
  const templates = useResource((signal) => api.listTemplates(signal), [api]);
  const statuses = useResource((signal) => api.listStatuses(signal), [api]);
  // undefined: no dialog; 'new': adding; a rule: editing it.
  const [editing, setEditing] = useState<TRule | 'new' | undefined>(undefined);
  const [deleting, setDeleting] = useState<TRule | undefined>(undefined);
  const restoreFocusTarget = useRestoreFocusTarget();
  const items = rules.data?.items ?? [];
  const templateName = (id: string) => templates.data?.items.find((t) => t.id === id)?.name ?? id;

  const handleSave = async (body: TSaveRule) => {
    const saved = editing && editing !== 'new' ? await api.updateRule(editing.id, body) : await api.createRule(body);
    rules.reload();
    notify(`Rule "${saved.name}" saved`);
  };
  const handleDelete = async (rule: TRule) => {
    await api.deleteRule(rule.id);
    rules.setData((current) => ({ items: (current?.items ?? []).filter((r) => r.id !== rule.id), total: (current?.total ?? 1) - 1 }));
    notify(`Rule "${rule.name}" deleted`);
  };

  const addButton = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => setEditing('new')} disabled={!templates.data} {...restoreFocusTarget}>
      Add rule
    </Button>
  );
  const error = rules.error ?? templates.error;

  return (
    <>
      <PageHeader
        path="Administration > Service messaging > Rules"
        title="Rules"
        description="Emails the desk sends on its own: when something happens to an SR, a template goes to the people you choose. Sends share the mailbox's limit of 30 a minute."
        actions={addButton}
      />
      {error && <ErrorBar error={error} title="Rules could not be loaded" onRetry={rules.error ? rules.reload : templates.reload} />}
      {!rules.data && !error && <LoadingBlock label="Loading rules…" />}
      {rules.data && items.length === 0 && (
        <Card>
          <EmptyState icon={<FlowRegular />} title="No rules yet" action={addButton}>
            Add a rule to acknowledge new requests or tell requesters when the status changes.
          </EmptyState>
        </Card>
      )}
      {items.length > 0 && (
        <Card className={styles.card}>
          <Table className={styles.table} aria-label="Rules">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>Template</TableHeaderCell>
                <TableHeaderCell>To</TableHeaderCell>
                <TableHeaderCell>
                  <span className={styles.muted}>Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((rule) => (
                <TableRow key={rule.id}>
                  <TableCell>
                    {rule.name}{' '}
                    {!rule.enabled && (
                      <Badge appearance="outline" color="subtle">
                        Disabled
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{describeTrigger(rule.trigger)}</TableCell>
                  <TableCell>{templateName(rule.templateId)}</TableCell>
                  <TableCell>{describeRecipients(rule.recipients)}</TableCell>
                  <TableCell>
                    <span className={styles.actions}>
                      <Button appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${rule.name}`} onClick={() => setEditing(rule)} {...restoreFocusTarget} />
                      <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Delete ${rule.name}`} onClick={() => setDeleting(rule)} {...restoreFocusTarget} />
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {editing && templates.data && (
        <RuleDialog
          rule={editing === 'new' ? undefined : editing}
          templates={templates.data.items}
          statuses={statuses.data?.items ?? []}
          onSave={handleSave}
          onClose={() => setEditing(undefined)}
        />
      )}
      {deleting && (
        <ConfirmDialog title={`Delete "${deleting.name}"?`} confirmLabel="Delete" onConfirm={() => handleDelete(deleting)} onClose={() => setDeleting(undefined)}>
          Emails it already sent stay in each SR's email log.
        </ConfirmDialog>
      )}
    </>
  );
}
