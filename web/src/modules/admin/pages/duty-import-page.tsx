import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Grid, Segmented, Space, Table, Tabs, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApiError, errorMessage, isApiError } from '../../../api/client';
import { readBase64 } from '../../../api/file-base64';
import { Forbidden } from '../components/admin-only';
import { confirmDutyImport, previewDutyImport, type DutyList, type DutyPreview } from '../settings-api';
import { settingsStrings as t } from '../settings-strings';

const d = t.duties;

const show = (value: unknown): string => (Array.isArray(value) ? value.join('、') : value === null || value === undefined || value === '' ? '—' : String(value));

/** 清单导入: a county's duty list replaced from its spreadsheet, after a preview of every change. */
export function DutyImportPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const { modal, message } = App.useApp();
  const [list, setList] = useState<DutyList>('township');
  const [file, setFile] = useState<{ name: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<DutyPreview | null>(null);
  const [problems, setProblems] = useState<{ total: number; lines: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forbidden, setForbidden] = useState<string | null>(null);

  const reset = () => {
    setPreview(null);
    setProblems(null);
    setError(null);
  };
  const fail = (err: unknown) => {
    if (isApiError(err, 'FORBIDDEN') || isApiError(err, 'COUNTY_ADMIN_ONLY')) setForbidden((err as ApiError).message);
    else if (isApiError(err, 'DUTY_IMPORT_INVALID')) {
      const details = (err as ApiError).details as { problems?: string[]; total?: number } | undefined;
      setProblems({ total: details?.total ?? details?.problems?.length ?? 0, lines: details?.problems ?? [] });
      setError(errorMessage(err));
    } else setError(errorMessage(err));
  };

  const runPreview = async () => {
    if (!file) return setError(d.fileRequired);
    reset();
    setBusy(true);
    try {
      setPreview(await previewDutyImport({ list, fileName: file.name, dataBase64: file.dataBase64 }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const confirm = () =>
    modal.confirm({
      title: d.confirmTitle,
      content: d.confirmContent,
      okText: d.confirm,
      cancelText: t.common.cancel,
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: async () => {
        if (!file || !preview) return;
        try {
          const result = await confirmDutyImport({ list, fileName: file.name, dataBase64: file.dataBase64, previewToken: preview.token });
          void message.success(d.done(result.count));
          setPreview(null);
          setFile(null);
        } catch (err) {
          setPreview(null);
          fail(err);
        }
      },
    });

  if (forbidden) return <Forbidden message={forbidden} />;

  const itemColumns: TableColumnsType<{ code: string; name: string }> = [
    { title: d.columns.code, dataIndex: 'code', width: wide ? 130 : 96 },
    { title: d.columns.name, dataIndex: 'name' },
  ];
  const changeColumns: TableColumnsType<DutyPreview['changed'][number]> = [
    { title: d.columns.code, dataIndex: 'code', width: wide ? 130 : 96 },
    {
      title: d.columns.fields,
      key: 'fields',
      render: (_, c) => (
        <div>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.fields.map((f) => (
            <div key={f.field} style={{ fontSize: 12 }} data-testid="duty-change-field">
              {d.fieldLabels[f.field] ?? f.field}：<Typography.Text delete type="secondary">{show(f.before)}</Typography.Text> → {show(f.after)}
            </div>
          ))}
        </div>
      ),
    },
  ];
  const table = <T extends { code: string }>(rows: T[], columns: TableColumnsType<T>, kind: string) => (
    <Table<T>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      tableLayout="fixed"
      pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
      onRow={(r) => ({ 'data-testid': `duty-${kind}`, 'data-code': r.code }) as HTMLAttributes<HTMLElement>}
    />
  );

  return (
    <Card size="small" title={d.title} data-testid="duty-import-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={d.format} description={t.common.logged} />
        <Space wrap align="center">
          <Typography.Text>{d.list}</Typography.Text>
          <Segmented<DutyList>
            value={list}
            onChange={(value) => {
              setList(value);
              reset();
            }}
            options={[
              { value: 'township', label: d.lists.township },
              { value: 'power', label: d.lists.power },
            ]}
            data-testid="duty-list"
          />
        </Space>
        <Space wrap>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(chosen) => {
              reset();
              void readBase64(chosen).then((dataBase64) => setFile({ name: chosen.name, dataBase64 }));
              return false;
            }}
          >
            <Button data-testid="duty-file">{d.upload}</Button>
          </Upload>
          {file && <Typography.Text data-testid="duty-file-name">{file.name}</Typography.Text>}
          <Button type="primary" loading={busy} disabled={!file} onClick={() => void runPreview()} data-testid="duty-preview">
            {d.preview}
          </Button>
        </Space>
        {error && (
          <Alert
            type="error"
            showIcon
            title={problems ? d.problems(problems.total) : error}
            description={
              problems && (
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="duty-problems">
                  {problems.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )
            }
            data-testid="duty-error"
          />
        )}
        {preview && (
          <>
            <Alert
              type={preview.added.length + preview.removed.length + preview.changed.length ? 'warning' : 'success'}
              showIcon
              title={d.summary(preview.count, preview.added.length, preview.removed.length, preview.changed.length, preview.unchanged)}
              data-testid="duty-summary"
            />
            <Tabs
              items={[
                { key: 'added', label: `${d.added} ${preview.added.length}`, children: table(preview.added, itemColumns, 'added') },
                { key: 'removed', label: `${d.removed} ${preview.removed.length}`, children: table(preview.removed, itemColumns, 'removed') },
                { key: 'changed', label: `${d.changed} ${preview.changed.length}`, children: table(preview.changed, changeColumns, 'changed') },
              ]}
            />
            <Button type="primary" danger onClick={confirm} data-testid="duty-confirm">
              {d.confirm}
            </Button>
          </>
        )}
      </Space>
    </Card>
  );
}
