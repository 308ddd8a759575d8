import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { DocumentTextRegular } from '@fluentui/react-icons';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';

/** The agents' templates as snippets (macros): picking one inserts it, placeholders filled from this SR. */
export function InsertTemplateMenu(props: { onPick: (templateId: string) => void; disabled: boolean }) {
  const { api } = useDesk();
  const templates = useResource((signal) => api.listTemplates(signal), [api]);
  const manual = templates.data?.items.filter((t) => t.purpose === 'manual') ?? [];
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          icon={<DocumentTextRegular />}
          disabled={props.disabled || manual.length === 0}
        >
          Insert template
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {manual.map((t) => (
            <MenuItem key={t.id} onClick={() => props.onPick(t.id)}>
              {t.name}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
