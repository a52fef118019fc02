import { useState } from 'react';
import { Alert, App, Button, Upload } from 'antd';
import { api, errorMessage, isApiError } from '../../../api/client';
import { readBase64 } from '../../../api/file-base64';
import { enforcementStrings as strings } from '../strings';

const s = strings.matters;

/** 导入执法事项 for a supervisor: the file is loaded whole or not at all, every problem named by its line. */
export function ImportMattersButton({ onImported }: { onImported: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (file: File) => {
    setBusy(true);
    setProblems(null);
    setError(null);
    try {
      const result = await api.post<{ count: number; added: number; changed: number }>('/api/xzzf/matters/import', { fileName: file.name, dataBase64: await readBase64(file) });
      void message.success(s.imported(result.count, result.added, result.changed));
      onImported();
    } catch (err) {
      if (isApiError(err, 'XZZF_MATTER_IMPORT_INVALID')) setProblems((err.details as { problems?: string[] }).problems ?? []);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Upload accept=".xlsx,.csv" maxCount={1} showUploadList={false} beforeUpload={(file) => { void load(file); return false; }}>
        <Button size="small" loading={busy} data-testid="xzzf-matters-import">{s.import}</Button>
      </Upload>
      {(problems || error) && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => { setProblems(null); setError(null); } }}
          title={problems ? s.importFailed(problems.length) : error}
          description={problems && <div data-testid="xzzf-matters-import-problems">{problems.map((p) => <div key={p}>{p}</div>)}</div>}
          style={{ marginTop: 8 }}
        />
      )}
    </>
  );
}
