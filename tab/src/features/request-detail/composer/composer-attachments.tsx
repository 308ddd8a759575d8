import { Button, Caption1, makeStyles, mergeClasses, ProgressBar, tokens } from '@fluentui/react-components';
import { AttachRegular, DismissRegular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import type { TAttachment } from '../../../../../api/src/contract/attachment';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed transparent`,
  },
  over: {
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  file: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  hidden: { display: 'none' },
});

/**
 * Files for the reply, by drag and drop onto the composer or the picker: each is uploaded to the SR at once (so it is
 * kept even if the reply is not sent) and goes out with the reply.
 */
export function ComposerAttachments(props: {
  files: TAttachment[];
  onUpload: (file: File) => Promise<void>;
  onRemove: (id: string) => void;
  isBusy: boolean;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);
  const [uploading, setUploading] = useState(0);

  const upload = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      setUploading((n) => n + 1);
      try {
        await props.onUpload(file);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };
  const handleDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    void upload(event.dataTransfer.files);
  };

  return (
    <div
      className={mergeClasses(styles.zone, isOver && styles.over)}
      onDragOver={(event) => {
        event.preventDefault();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={handleDrop}
      data-testid="composer-drop-zone"
    >
      <Button
        size="small"
        appearance="subtle"
        icon={<AttachRegular />}
        disabled={props.isBusy}
        onClick={() => input.current?.click()}
      >
        Attach files
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        aria-label="Attach files"
        onChange={(event) => void upload(event.target.files)}
      />
      {props.files.map((file) => (
        <span key={file.id} className={styles.file}>
          <Caption1>{file.fileName}</Caption1>
          <Button
            size="small"
            appearance="transparent"
            icon={<DismissRegular />}
            aria-label={`Do not send ${file.fileName}`}
            onClick={() => props.onRemove(file.id)}
          />
        </span>
      ))}
      {uploading > 0 && <ProgressBar aria-label="Uploading" thickness="medium" />}
      {props.files.length === 0 && uploading === 0 && <Caption1>or drop files here</Caption1>}
    </div>
  );
}
