import {
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  Option,
  ProgressBar,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowUploadRegular,
  DocumentRegular,
  FolderRegular,
} from '@fluentui/react-icons';
import { useRef, useState, type ChangeEvent } from 'react';
import type { TAttachment } from '../../../../api/src/contract/attachment';
import type { TList } from '../../../../api/src/contract/common';
import type { TServiceRequest } from '../../../../api/src/contract/service-request';
import { toError } from '../../../../web-shared/to-error';
import { ErrorBar } from '../../components/error-bar';
import { formatDateTime, formatSize } from '../../components/formatters';
import { LoadState } from '../../components/load-state';
import { PanelCard } from '../../components/panel-card';
import { useNotify } from '../../components/use-notify';
import type { Resource } from '../../components/use-resource';
import { useDesk } from '../../session/desk-context';
import { useAttachmentDownload } from './use-attachment-download';

const DEFAULT_FOLDER = 'General';
// Where the mail engine files email attachments (seed guide: "within 'Other' folder").
const EMAIL_FOLDER = 'Other';
// The API accepts exactly these folders for uploads (its domain rule; the contract does not list them yet).
const UPLOAD_FOLDERS = [DEFAULT_FOLDER, EMAIL_FOLDER];

const useStyles = makeStyles({
  folder: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  fileText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  upload: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  hidden: { display: 'none' },
});

function groupByFolder(items: TAttachment[]): [string, TAttachment[]][] {
  const groups = new Map<string, TAttachment[]>();
  for (const item of items) groups.set(item.folder, [...(groups.get(item.folder) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function AttachmentsPanel(props: {
  sr: TServiceRequest;
  attachments: Resource<TList<TAttachment>>;
  onUploaded: () => void;
}) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const { attachments } = props;
  const { download, pendingId, error: downloadError } = useAttachmentDownload();
  const fileInput = useRef<HTMLInputElement>(null);
  const [folder, setFolder] = useState(DEFAULT_FOLDER);
  const [progress, setProgress] = useState<{ fileName: string; fraction: number } | undefined>(undefined);
  const [uploadError, setUploadError] = useState<Error | undefined>(undefined);
  const items = attachments.data?.items ?? [];

  const handleFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setUploadError(undefined);
    setProgress({ fileName: file.name, fraction: 0 });
    try {
      const stored = await api.uploadAttachment(props.sr.number, file, folder, (fraction) =>
        setProgress({ fileName: file.name, fraction }),
      );
      attachments.setData((current) => ({
        items: [...(current?.items ?? []), stored],
        total: (current?.total ?? 0) + 1,
      }));
      notify(`${stored.fileName} uploaded`, `Saved in ${stored.folder}.`);
      props.onUploaded();
    } catch (err) {
      setUploadError(toError(err));
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <PanelCard
      title="Attachments"
      headingId="attachments-heading"
      footer={
        <>
          <div className={styles.upload}>
            <Field label="Folder">
              <Dropdown
                value={folder}
                selectedOptions={[folder]}
                onOptionSelect={(_, data) => setFolder(data.optionValue ?? DEFAULT_FOLDER)}
                disabled={progress !== undefined}
              >
                {UPLOAD_FOLDERS.map((name) => (
                  <Option key={name}>{name}</Option>
                ))}
              </Dropdown>
            </Field>
            <Button
              icon={<ArrowUploadRegular />}
              onClick={() => fileInput.current?.click()}
              disabled={progress !== undefined}
            >
              Upload file
            </Button>
            <input
              ref={fileInput}
              className={styles.hidden}
              type="file"
              aria-label="File to upload"
              onChange={(e) => void handleFileChosen(e)}
            />
          </div>
          {progress && (
            <Field
              label={`Uploading ${progress.fileName}`}
              validationState="none"
              hint={`${Math.round(progress.fraction * 100)}%`}
            >
              <ProgressBar value={progress.fraction} />
            </Field>
          )}
          {uploadError && <ErrorBar error={uploadError} title="The upload failed" />}
        </>
      }
    >
      <LoadState
        resource={attachments}
        loadingLabel="Loading attachments…"
        failedTitle="Attachments could not be loaded"
      />
      {attachments.data && items.length === 0 && (
        <Text as="p" block className={styles.muted}>
          No attachments. Upload files here; files attached to email replies arrive in the {EMAIL_FOLDER}{' '}
          folder.
        </Text>
      )}
      {groupByFolder(items).map(([name, files]) => (
        <div key={name} role="group" aria-label={`Folder ${name}`}>
          <Text className={styles.folder} weight="semibold">
            <FolderRegular aria-hidden /> {name}
          </Text>
          <ul className={styles.list}>
            {files.map((file) => (
              <li key={file.id} className={styles.file}>
                <DocumentRegular aria-hidden />
                <span className={styles.fileText}>
                  <Text className={styles.name} title={file.fileName}>
                    {file.fileName}
                  </Text>
                  <Caption1 className={styles.muted}>
                    {formatSize(file.size)} · {formatDateTime(file.createdAt)}
                  </Caption1>
                </span>
                <Button
                  appearance="subtle"
                  icon={pendingId === file.id ? <Spinner size="extra-tiny" /> : <ArrowDownloadRegular />}
                  aria-label={`Download ${file.fileName}`}
                  onClick={() => void download(file)}
                />
              </li>
            ))}
          </ul>
        </div>
      ))}
      {downloadError && <ErrorBar error={downloadError} title="The download failed" />}
    </PanelCard>
  );
}
