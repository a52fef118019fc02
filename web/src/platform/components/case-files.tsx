import { useCallback, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, List, Space, Tag, Typography, Upload } from 'antd';
import { errorMessage } from '../../api/client';
import { useLoaded } from '../../api/use-loaded';
import { formatDateTime } from '../../ui/format';
import { caseApi, fileUpload } from '../api';
import { platformStrings as s } from '../strings';

interface FileRow {
  key: string;
  kind: 'document' | 'attachment';
  name: string;
  /** A document's 文号, once numbered. */
  number: string | null;
  note: string;
  at: string;
  url: string;
}

/**
 * The case's documents and attachments, each with its download link, and 上传附件 for those who
 * may work on the case now (the server decides, and its refusal is shown as it says it).
 */
export function CaseFiles({ caseId, canUpload, version, onUploaded }: { caseId: string; canUpload: boolean; version: string; onUploaded: () => void }) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const load = useCallback(
    async (signal: AbortSignal): Promise<FileRow[]> => {
      const [documents, attachments] = await Promise.all([caseApi.documents(caseId, signal), caseApi.attachments(caseId, signal)]);
      return [
        ...documents.map((d) => ({
          key: `d-${d.id}`,
          kind: 'document' as const,
          name: d.templateLabel,
          number: d.number,
          note: d.status === 'final' || d.issuedAt ? s.files.issued : s.files.draft(d.version),
          at: d.issuedAt ?? d.createdAt,
          url: d.url,
        })),
        ...attachments.map((a) => ({ key: `a-${a.id}`, kind: 'attachment' as const, name: a.fileName, number: null, note: s.files.size(a.size), at: a.addedAt, url: a.url })),
      ];
    },
    // A new version of the case (an action, an upload) may bring new files.
    [caseId, version],
  );
  const files = useLoaded(load);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await caseApi.upload(caseId, await fileUpload(file));
      void message.success(s.detail.uploaded(file.name));
      onUploaded();
    } catch (err) {
      void message.error({ content: <span data-testid="upload-error">{errorMessage(err)}</span> });
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="case-files">
      {canUpload && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="case-upload">
            {s.detail.upload}
          </Button>
        </Upload>
      )}
      {files.error && <Alert type="error" showIcon title={files.error} />}
      {files.data && files.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.detail.noFiles} />}
      {files.data && files.data.length > 0 && (
        <List
          size="small"
          dataSource={files.data}
          renderItem={(f) => (
            <List.Item
              data-testid="case-file"
              data-kind={f.kind}
              data-number={f.number ?? undefined}
              actions={[
                // A document is a Word file: saved, not opened in a tab that would only show it as a download anyway.
                <a key="download" href={f.url} {...(f.kind === 'document' ? { download: '' } : { target: '_blank', rel: 'noopener noreferrer' })} data-testid="case-file-download">
                  {s.detail.download}
                </a>,
              ]}
            >
              <Space wrap size={4}>
                <Tag>{f.kind === 'document' ? s.files.document : s.files.attachment}</Tag>
                <Typography.Text strong={f.kind === 'document'}>{f.name}</Typography.Text>
                {f.number && (
                  <Typography.Text strong data-testid="case-file-number">
                    {s.files.number}：{f.number}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.note} · {formatDateTime(f.at)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
