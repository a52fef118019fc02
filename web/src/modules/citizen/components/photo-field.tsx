import { useRef } from 'react';
import { Button } from '../../../ui/lite/controls';
import type { PhotoValue } from '../api';
import { formatPhotoSize, PHOTO_TYPES, readPhoto } from '../photo-file';
import { citizenStrings as s } from '../strings';

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
    const read = await readPhoto(file);
    if ('problem' in read) onProblem(read.problem);
    else onChange(read.photo);
  };
  return (
    <>
      <input
        ref={inputRef}
        id={testId}
        type="file"
        accept={PHOTO_TYPES.join(',')}
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
            <span className="lt-muted">{formatPhotoSize(value.size)}</span>
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
