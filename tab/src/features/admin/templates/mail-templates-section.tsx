import { Badge, Button, Caption1, Card, Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, MailTemplateRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TMailTemplate } from '../../../../../api/src/contract/mail-template';
import { EmptyState } from '../../../components/empty-state';
import { ErrorBar } from '../../../components/error-bar';
import { formatRelative } from '../../../components/formatters';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useNotify } from '../../../components/use-notify';
import { useResource } from '../../../components/use-resource';
import { href } from '../../../routing/route';
import { useDesk } from '../../../session/desk-context';
import { ConfirmDialog } from '../confirm-dialog';
import { PURPOSE_LABELS } from './template-purposes';

const useStyles = makeStyles({
  card: { padding: 0, overflowX: 'auto' },
  table: { minWidth: '680px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Administration > Mail > Templates: the emails agents and rules send, each with the reply line on top. */
export function MailTemplatesSection() {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const templates = useResource((signal) => api.listTemplates(signal), [api]);
  const [deleting, setDeleting] = useState<TMailTemplate | undefined>(undefined);
  const restoreFocusTarget = useRestoreFocusTarget();
  const items = templates.data?.items ?? [];

  const handleDelete = async (template: TMailTemplate) => {
    await api.deleteTemplate(template.id);
    templates.setData((current) => ({ items: (current?.items ?? []).filter((t) => t.id !== template.id), total: (current?.total ?? 1) - 1 }));
    notify(`Template "${template.name}" deleted`);
  };

  return (
    <>
      <PageHeader
        path="Administration > Mail > Templates"
        title="Mail templates"
        description="Emails agents send from an SR and rules send on their own. Every email starts with the template's reply text line, which carries the SR's marker."
        actions={
          <Button as="a" href={href({ page: 'mail-template', templateId: 'new' })} appearance="primary" icon={<AddRegular />}>
            Add template
          </Button>
        }
      />
      {templates.error && <ErrorBar error={templates.error} title="Templates could not be loaded" onRetry={templates.reload} />}
      {!templates.data && !templates.error && <LoadingBlock label="Loading templates…" />}
      {templates.data && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<MailTemplateRegular />}
            title="No templates yet"
            action={
              <Button as="a" href={href({ page: 'mail-template', templateId: 'new' })} appearance="primary">
                Add template
              </Button>
            }
          >
            Add a template for agents (purpose "Agents") so they can email requesters from an SR, and one for each rule.
          </EmptyState>
        </Card>
      )}
      {items.length > 0 && (
        <Card className={styles.card}>
          <Table className={styles.table} aria-label="Mail templates">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Used by</TableHeaderCell>
                <TableHeaderCell>Subject</TableHeaderCell>
                <TableHeaderCell>Changed</TableHeaderCell>
                <TableHeaderCell>
                  <span className={styles.muted}>Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((template) => (
                <TableRow key={template.id}>
                  <TableCell>
                    <Link href={href({ page: 'mail-template', templateId: template.id })}>{template.name}</Link>
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={template.purpose === 'manual' ? 'brand' : 'informative'}>
                      {PURPOSE_LABELS[template.purpose]}
                    </Badge>
                  </TableCell>
                  <TableCell>{template.subject}</TableCell>
                  <TableCell>
                    <Caption1>{formatRelative(template.updatedAt)}</Caption1>
                  </TableCell>
                  <TableCell>
                    <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Delete ${template.name}`} onClick={() => setDeleting(template)} {...restoreFocusTarget} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {deleting && (
        <ConfirmDialog title={`Delete "${deleting.name}"?`} confirmLabel="Delete" onConfirm={() => handleDelete(deleting)} onClose={() => setDeleting(undefined)}>
          Emails already sent are kept. A template a rule still uses cannot be deleted: change the rule first.
        </ConfirmDialog>
      )}
    </>
  );
}
