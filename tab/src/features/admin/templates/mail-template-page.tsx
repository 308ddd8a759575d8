import { isLoaded, LoadState } from '../../../components/load-state';
import { useResource } from '../../../components/use-resource';
import { href } from '../../../routing/route';
import { useDesk } from '../../../session/desk-context';
import { MailTemplateEditor } from './mail-template-editor';

/** #/admin/templates/new or #/admin/templates/<id>: the template with the placeholders and limits the API offers. */
export function MailTemplatePage(props: { templateId: string }) {
  const { api } = useDesk();
  const { templateId } = props;
  const loaded = useResource(
    async (signal) => {
      const [defaults, template] = await Promise.all([
        api.templateDefaults(signal),
        templateId === 'new' ? undefined : api.getTemplate(templateId, signal),
      ]);
      return { defaults, template };
    },
    [api, templateId],
  );

  if (!isLoaded(loaded)) {
    return (
      <LoadState
        resource={loaded}
        loadingLabel="Loading the template…"
        failedTitle="The template could not be loaded"
        missing={{
          title: 'This template does not exist',
          text: 'It may have been deleted by another admin.',
          backHref: href({ page: 'admin', section: 'templates' }),
          backLabel: 'Back to templates',
        }}
      />
    );
  }
  return <MailTemplateEditor template={loaded.data.template} defaults={loaded.data.defaults} />;
}
