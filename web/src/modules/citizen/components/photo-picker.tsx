import { useRef } from 'react';
import { App, Button, Space, Typography } from 'antd';
import type { PhotoValue } from '../api';
import { citizenStrings as s } from '../strings';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

interface PhotoPickerProps {
  value?: PhotoValue;
  onChange?: (value: PhotoValue | undefined) => void;
  testId: string;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** One optional image, read in the browser to base64 so it travels inside the JSON body. */
export function PhotoPicker({ value, onChange, testId }: PhotoPickerProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const { message } = App.useApp();

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) {
      message.error(s.rules.photoNotImage);
      return;
    }
    if (file.size > MAX_BYTES) {
      message.error(s.rules.photoTooLarge);
      return;
    }
    try {
      const dataUrl = await readAsDataUrl(file);
      const comma = dataUrl.indexOf(',');
      onChange?.({ name: file.name, mimeType: file.type, size: file.size, dataBase64: dataUrl.slice(comma + 1), previewUrl: dataUrl });
    } catch {
      message.error(s.rules.photoReadFailed);
    }
  };

  return (
    <>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPTED.join(',')}
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        {value ? (
          <Space align="start">
            <img
              src={value.previewUrl}
              width={96}
              height={96}
              style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
              alt={value.name}
              data-testid={`${testId}-preview`}
            />
            <Space orientation="vertical" size={4}>
              <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                {value.name}
              </Typography.Text>
              <Typography.Text type="secondary">{formatSize(value.size)}</Typography.Text>
              <Button size="small" danger onClick={() => onChange?.(undefined)}>
                {s.fields.photoRemove}
              </Button>
            </Space>
          </Space>
        ) : (
          <Button onClick={() => inputRef.current?.click()}>{s.fields.photoPick}</Button>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.fields.photoHint}
        </Typography.Text>
      </Space>
    </>
  );
}
