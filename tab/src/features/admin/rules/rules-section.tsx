import { Badge, TableCell } from '@fluentui/react-components';
import { FlowRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TRule, TSaveRule } from '../../../../../api/src/contract/rule';
import { useNotify } from '../../../components/use-notify';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';
import { AdminSection } from '../admin-section';
import { describeRecipients, describeTrigger } from './describe-rule';
import { RuleDialog } from './rule-dialog';

/** Service messaging > Rules: when something happens to an SR (trigger), send a template to its people. */
export function RulesSection() {
  const { api } = useDesk();
  const notify = useNotify();
  const rules = useResource((signal) => api.listRules(signal), [api]);
  const templates = useResource((signal) => api.listTemplates(signal), [api]);
  const statuses = useResource((signal) => api.listStatuses(signal), [api]);
  // undefined: no dialog; 'new': adding; a rule: editing it.
  const [editing, setEditing] = useState<TRule | 'new' | undefined>(undefined);
  const templateName = (id: string) => templates.data?.items.find((t) => t.id === id)?.name ?? id;

  const handleSave = async (body: TSaveRule) => {
    const saved =
      editing && editing !== 'new' ? await api.updateRule(editing.id, body) : await api.createRule(body);
    rules.reload();
    notify(`Rule "${saved.name}" saved`);
  };

  return (
    <AdminSection
      path="Administration > Service messaging > Rules"
      title="Rules"
      description="Emails the desk sends on its own: when something happens to an SR, a template goes to the people you choose. Sends share the mailbox's limit of 30 a minute."
      add={{ label: 'Add rule', onAdd: () => setEditing('new'), isDisabled: !templates.data }}
      resource={rules}
      also={[templates]}
      loadingLabel="Loading rules…"
      failedTitle="Rules could not be loaded"
      empty={{
        icon: <FlowRegular />,
        title: 'No rules yet',
        text: 'Add a rule to acknowledge new requests or tell requesters when the status changes.',
      }}
      table={{
        label: 'Rules',
        minWidth: '760px',
        columns: ['Name', 'When', 'Template', 'To'],
        rowKey: (rule: TRule) => rule.id,
        cells: (rule) => (
          <>
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
          </>
        ),
      }}
      itemName={(rule) => rule.name}
      edit={{ onEdit: setEditing }}
      remove={{
        text: () => "Emails it already sent stay in each SR's email log.",
        run: (rule) => api.deleteRule(rule.id),
        done: (rule) => `Rule "${rule.name}" deleted`,
      }}
    >
      {editing && templates.data && (
        <RuleDialog
          rule={editing === 'new' ? undefined : editing}
          templates={templates.data.items}
          statuses={statuses.data?.items ?? []}
          onSave={handleSave}
          onClose={() => setEditing(undefined)}
        />
      )}
    </AdminSection>
  );
}
