import { useRef } from 'react';
import { App, Button, Space, Typography } from 'antd';
import type { PhotoValue } from '../api';
import { formatPhotoSize, PHOTO_TYPES, readPhoto } from '../photo-file';
import { citizenStrings as s } from '../strings';

interface PhotoPickerProps {
  value?: PhotoValue;
  onChange?: (value: PhotoValue | undefined) => void;
  testId: string;
}

/** One optional image, read in the browser to base64 so it travels inside the JSON body. */
export function PhotoPicker({ value, onChange, testId }: PhotoPickerProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const { message } = App.useApp();

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const read = await readPhoto(file);
    if ('problem' in read) message.error(read.problem);
    else onChange?.(read.photo);
  };

  return (
    <>
      <input
        ref={inputRef}
        type="file"
        accept={PHOTO_TYPES.join(',')}
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
              <Typography.Text type="secondary">{formatPhotoSize(value.size)}</Typography.Text>
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
