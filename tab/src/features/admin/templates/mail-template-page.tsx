import { Button } from '@fluentui/react-components';
import { ApiError } from '../../../api/client';
import { EmptyState } from '../../../components/empty-state';
import { ErrorBar } from '../../../components/error-bar';
import { LoadingBlock } from '../../../components/loading-block';
import { useResource } from '../../../components/use-resource';
import { href } from '../../../routing/route';
import { useDesk } from '../../../session/desk-context';
import { MailTemplateEditor } from './mail-template-editor';

/** #/admin/templates/new or #/admin/templates/<id>: the template with the placeholders and limits the API offers. */
export function MailTemplatePage(props: { templateId: string }) {
  const { api } = useDesk();
  const isNew = props.templateId === 'new';
  const defaults = useResource((signal) => api.templateDefaults(signal), [api]);
  const template = useResource((signal) => (isNew ? Promise.resolve(undefined) : api.getTemplate(props.templateId, signal)), [api, isNew, props.templateId]);

  if (template.error instanceof ApiError && template.error.status === 404) {
    return (
      <EmptyState
        title="This template does not exist"
        action={
          <Button as="a" href={href({ page: 'admin', section: 'templates' })} appearance="primary">
            Back to templates
          </Button>
        }
      >
        It may have been deleted by another admin.
      </EmptyState>
    );
  }
  const error = template.error ?? defaults.error;
  if (error) return <ErrorBar error={error} title="The template could not be loaded" onRetry={template.error ? template.reload : defaults.reload} />;
  if (!defaults.data || template.isLoading) return <LoadingBlock label="Loading the template…" />;
  return <MailTemplateEditor template={template.data} defaults={defaults.data} />;
}
