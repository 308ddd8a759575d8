import { Badge, Caption1, Link, TableCell } from '@fluentui/react-components';
import { MailTemplateRegular } from '@fluentui/react-icons';
import type { TMailTemplate } from '../../../../../api/src/contract/mail-template';
import { formatRelative } from '../../../components/formatters';
import { useResource } from '../../../components/use-resource';
import { href } from '../../../routing/route';
import { useDesk } from '../../../session/desk-context';
import { AdminSection } from '../admin-section';
import { PURPOSE_LABELS } from './template-purposes';

const templateHref = (templateId: string) => href({ page: 'mail-template', templateId });

/** Administration > Mail > Templates: the emails agents and rules send, each with the reply line on top. */
export function MailTemplatesSection() {
  const { api } = useDesk();
  const templates = useResource((signal) => api.listTemplates(signal), [api]);

  return (
    <AdminSection
      path="Administration > Mail > Templates"
      title="Mail templates"
      description="Emails agents send from an SR and rules send on their own. Every email starts with the template's reply text line, which carries the SR's marker."
      add={{ label: 'Add template', href: templateHref('new') }}
      resource={templates}
      loadingLabel="Loading templates…"
      failedTitle="Templates could not be loaded"
      empty={{
        icon: <MailTemplateRegular />,
        title: 'No templates yet',
        text: 'Add a template for agents (purpose "Agents") so they can email requesters from an SR, and one for each rule.',
      }}
      table={{
        label: 'Mail templates',
        minWidth: '680px',
        columns: ['Name', 'Used by', 'Subject', 'Changed'],
        rowKey: (template: TMailTemplate) => template.id,
        cells: (template) => (
          <>
            <TableCell>
              <Link href={templateHref(template.id)}>{template.name}</Link>
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
          </>
        ),
      }}
      itemName={(template) => template.name}
      remove={{
        text: () =>
          'Emails already sent are kept. A template a rule still uses cannot be deleted: change the rule first.',
        run: (template) => api.deleteTemplate(template.id),
        done: (template) => `Template "${template.name}" deleted`,
      }}
    />
  );
}
