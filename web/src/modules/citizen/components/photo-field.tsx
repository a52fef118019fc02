import { useRef } from 'react';
import { Button } from '../../../ui/lite/controls';
import type { PhotoValue } from '../api';
import { citizenStrings as s } from '../strings';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

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

interface PhotoFieldProps {
  value: PhotoValue | undefined;
  onChange: (value: PhotoValue | undefined) => void;
  onProblem: (message: string) => void;
  testId: string;
}

/** One optional image, read in the browser to base64 so it travels inside the JSON body. */
export function PhotoField({ value, onChange, onProblem, testId }: PhotoFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) return onProblem(s.rules.photoNotImage);
    if (file.size > MAX_BYTES) return onProblem(s.rules.photoTooLarge);
    try {
      const dataUrl = await readAsDataUrl(file);
      onChange({ name: file.name, mimeType: file.type, size: file.size, dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1), previewUrl: dataUrl });
    } catch {
      onProblem(s.rules.photoReadFailed);
    }
  };
  return (
    <>
      <input
        ref={inputRef}
        id={testId}
        type="file"
        accept={ACCEPTED.join(',')}
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {value ? (
        <div className="lt-row" style={{ alignItems: 'flex-start', flexWrap: 'nowrap' }}>
          <img src={value.previewUrl} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }} alt={value.name} data-testid={`${testId}-preview`} />
          <div className="lt-stack" style={{ gap: 4, minWidth: 0 }}>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{value.name}</span>
            <span className="lt-muted">{formatSize(value.size)}</span>
            <Button size="small" danger onClick={() => onChange(undefined)}>
              {s.fields.photoRemove}
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => inputRef.current?.click()}>{s.fields.photoPick}</Button>
      )}
    </>
  );
}
