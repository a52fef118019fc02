import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { deleteView, listViews, saveView, type RequestFilters, type SavedView } from '../api';
import { staffStrings as s } from '../strings';

const v = s.views;

/** The same filters, whatever their order or empty keys (the tab defaults to 待办). */
function sameFilters(a: RequestFilters, b: RequestFilters): boolean {
  const norm = (f: RequestFilters) =>
    JSON.stringify(Object.entries({ ...f, view: f.view ?? 'todo' }).filter(([, value]) => value !== undefined && value !== '').sort(([x], [y]) => x.localeCompare(y)));
  return norm(a) === norm(b);
}

interface SavedViewsProps {
  /** The list's filters now, with its tab: what 保存 keeps. */
  current: RequestFilters;
  onApply: (filters: RequestFilters) => void;
}

/** 常用筛选: the person's own named filters, kept on the server, applied in one choice. */
export function SavedViews({ current, onApply }: SavedViewsProps) {
  const { message } = App.useApp();
  const [views, setViews] = useState<SavedView[]>([]);
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    listViews().then(
      (r) => setViews(r.items),
      (err: unknown) => void message.error(errorMessage(err)),
    );
  }, [message]);
  useEffect(load, [load]);
  // The view whose filters the list shows now, if any: choosing another applies it.
  const chosen = views.find((view) => sameFilters(view.filters, current))?.id;

  const remove = async (id: number) => {
    try {
      await deleteView(id);
      void message.success(v.deleted);
      load();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Space wrap data-testid="saved-views">
      <Select<number>
        allowClear
        placeholder={v.placeholder}
        style={{ minWidth: 180 }}
        value={chosen}
        options={views.map((view) => ({ value: view.id, label: view.name }))}
        onChange={(id) => {
          const view = views.find((x) => x.id === id);
          onApply(view ? view.filters : { view: current.view });
        }}
        data-testid="saved-view-select"
      />
      {chosen !== undefined && (
        <Popconfirm title={v.deleteConfirm} okText={v.delete} cancelText={s.action.cancel} onConfirm={() => remove(chosen)} okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}>
          <Button danger data-testid="saved-view-delete">{v.delete}</Button>
        </Popconfirm>
      )}
      <Button onClick={() => setSaving(true)} data-testid="saved-view-save">
        {v.save}
      </Button>
      <SaveViewModal
        open={saving}
        filters={current}
        onClose={() => setSaving(false)}
        onSaved={(view) => {
          setSaving(false);
          void message.success(v.saved(view.name));
          load();
        }}
      />
    </Space>
  );
}

function SaveViewModal({ open, filters, onClose, onSaved }: { open: boolean; filters: RequestFilters; onClose: () => void; onSaved: (view: SavedView) => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ name }: { name: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await saveView(name.trim(), filters));
      form.resetFields();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={v.saveTitle} onCancel={onClose} destroyOnHidden footer={null} width={420} data-testid="saved-view-modal">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={v.name} rules={[{ required: true, whitespace: true, message: v.nameRequired }]} validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input maxLength={30} placeholder={v.namePlaceholder} data-testid="saved-view-name" />
        </Form.Item>
        <div style={{ textAlign: 'right' }}>
          <Space>
            <Button onClick={onClose}>{s.action.cancel}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="saved-view-submit">
              {v.save}
            </Button>
          </Space>
        </div>
      </Form>
    </Modal>
  );
}
