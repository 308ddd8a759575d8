import {
  Button,
  Card,
  Field,
  Input,
  InteractionTag,
  InteractionTagPrimary,
  InteractionTagSecondary,
  Subtitle2,
  TagGroup,
  Text,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TSettings } from '../../../../../api/src/contract/settings';
import { RadioField } from '../../../components/radio-field';
import { useSectionStyles } from './section-styles';

// As the API's settings contract accepts them.
const EXTENSION = /^\.[a-z0-9_-]{1,20}$/;

const BLOCKED_ACTIONS: Record<TSettings['blockedAttachmentAction'], string> = {
  strip: 'File the reply without the blocked attachment',
  'mail-center': 'Hold the whole email in the Mail Center',
};

/** File types never filed from email (executables and scripts by default), and what happens to them. */
export function BlockListEditor(props: { settings: TSettings; onChange: (next: TSettings) => void }) {
  const styles = useSectionStyles();
  const { settings, onChange } = props;
  const [text, setText] = useState('');
  const candidate = `.${text.trim().toLowerCase().replace(/^\.+/, '')}`;
  const isValid = EXTENSION.test(candidate);

  const handleAdd = (event?: FormEvent) => {
    event?.preventDefault();
    if (!isValid) return;
    if (!settings.attachmentBlockList.includes(candidate))
      onChange({ ...settings, attachmentBlockList: [...settings.attachmentBlockList, candidate] });
    setText('');
  };
  // The block list sits inside the settings form: Enter adds an extension instead of submitting.
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    handleAdd();
  };

  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2" id="block-list-heading">
        Blocked attachment types
      </Subtitle2>
      <Text className={styles.muted}>
        Email attachments and uploads with these extensions are never saved to an SR. The names are cleaned
        first, so &quot;invoice.exe?&quot; counts as .exe. The default list is what Exchange Online&apos;s
        common attachment filter and Gmail block, with disk images (.iso, .img, .vhd, .vhdx) and OneNote files
        (.one).
      </Text>
      {settings.attachmentBlockList.length > 0 && (
        <TagGroup
          className={styles.tags}
          aria-labelledby="block-list-heading"
          onDismiss={(_, data) =>
            onChange({
              ...settings,
              attachmentBlockList: settings.attachmentBlockList.filter((e) => e !== data.value),
            })
          }
        >
          {settings.attachmentBlockList.map((extension) => (
            <InteractionTag key={extension} value={extension} size="small" appearance="outline">
              <InteractionTagPrimary hasSecondaryAction>{extension}</InteractionTagPrimary>
              <InteractionTagSecondary aria-label={`Allow ${extension}`} />
            </InteractionTag>
          ))}
        </TagGroup>
      )}
      <div className={styles.row}>
        <Field
          label="Block another extension"
          validationMessage={
            text && !isValid ? 'An extension such as .exe (letters, digits, - or _, at most 20)' : undefined
          }
        >
          <Input
            value={text}
            onChange={(_, data) => setText(data.value)}
            onKeyDown={handleKeyDown}
            placeholder=".iso"
          />
        </Field>
        <Button icon={<AddRegular />} onClick={() => handleAdd()} disabled={!isValid}>
          Block
        </Button>
      </div>
      <RadioField
        label="When an email has a blocked attachment"
        options={BLOCKED_ACTIONS}
        value={settings.blockedAttachmentAction}
        onChange={(blockedAttachmentAction) => onChange({ ...settings, blockedAttachmentAction })}
      />
    </Card>
  );
}
