import { useRef } from 'react';
import { FilePdfOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, List, Space, Typography } from 'antd';
import { readBase64 } from '../../../api/file-base64';
import type { UploadFile } from '../api';
import { reconsiderationStrings as s } from '../strings';

/** As the server takes them: three files of 5 MB, PDF or an image it can re-encode. */
const MAX_FILES = 3;
const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];

export interface PickedFile extends UploadFile {
  size: number;
}

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);

/** Up to three files read in the browser to base64, so they travel inside the application's JSON body. */
export function FilePicker({ value = [], onChange }: { value?: PickedFile[]; onChange?: (files: PickedFile[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const { message } = App.useApp();

  const pick = async (list: FileList | null) => {
    const picked = [...(list ?? [])];
    if (value.length + picked.length > MAX_FILES) void message.error(s.rules.tooManyFiles);
    const next = [...value];
    for (const file of picked.slice(0, MAX_FILES - value.length)) {
      if (!ACCEPTED.includes(file.type)) {
        void message.error(s.rules.fileType);
        continue;
      }
      if (file.size > MAX_BYTES) {
        void message.error(s.rules.fileTooLarge);
        continue;
      }
      try {
        next.push({ name: file.name, mediaType: file.type, size: file.size, contentBase64: await readBase64(file) });
      } catch {
        void message.error(s.rules.fileReadFailed);
      }
    }
    onChange?.(next);
  };

  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED.join(',')}
        style={{ display: 'none' }}
        data-testid="xzfy-files"
        onChange={(e) => {
          void pick(e.target.files);
          e.target.value = '';
        }}
      />
      {value.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={value}
          renderItem={(f, i) => (
            <List.Item
              data-testid="xzfy-file"
              actions={[
                <Button key="remove" size="small" type="link" danger onClick={() => onChange?.(value.filter((_, j) => j !== i))}>
                  {s.fields.filesRemove}
                </Button>,
              ]}
            >
              <Space size={6} style={{ minWidth: 0 }}>
                {f.mediaType === 'application/pdf' ? <FilePdfOutlined /> : <PictureOutlined />}
                <Typography.Text ellipsis style={{ maxWidth: 180 }}>
                  {f.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {sizeText(f.size)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {value.length < MAX_FILES && <Button onClick={() => input.current?.click()}>{s.fields.filesPick}</Button>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s.fields.filesHint}
      </Typography.Text>
    </Space>
  );
}
