import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, TreeSelect, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { addUnit, mergeUnit, moveUnit, renameUnit, type AdminUnit, type AdminUnits } from '../settings-api';
import { settingsStrings as t } from '../settings-strings';
import { adminTree, kindsUnder, regionRule, subtreeOf } from '../unit-tree';

export type UnitChange = 'add' | 'rename' | 'move' | 'merge';

interface UnitModalProps {
  change: UnitChange | null;
  unit: AdminUnit;
  data: AdminUnits;
  onClose: () => void;
  onDone: (message: string) => void;
}

const byId = (data: AdminUnits) => new Map(data.units.map((u) => [u.id, u]));

/** One modal per change to the tree; each says what the change means before it is made. */
export function UnitModal(props: UnitModalProps) {
  const { change, unit } = props;
  const title =
    change === 'add' ? t.units.add.title(unit.name) : change === 'rename' ? t.units.rename.title(unit.name) : change === 'move' ? t.units.move.title(unit.name) : t.units.merge.title(unit.name);
  return (
    <Modal open={change !== null} title={title} onCancel={props.onClose} footer={null} destroyOnHidden mask={{ closable: false }} width={560} data-testid={`unit-${change ?? 'none'}-modal`}>
      {change === 'add' && <AddForm {...props} />}
      {change === 'rename' && <RenameForm {...props} />}
      {change === 'move' && <MoveForm {...props} />}
      {change === 'merge' && <MergeForm {...props} />}
    </Modal>
  );
}

/** Submit and cancel, with the server's refusal above them. */
function useSubmit<V extends object>(form: ReturnType<typeof Form.useForm<V>>[0], run: (values: V) => Promise<string>, onDone: (message: string) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await run(values));
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

function Footer({ busy, onClose, ok = t.common.confirm, danger }: { busy: boolean; onClose: () => void; ok?: string; danger?: boolean }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
      <Button onClick={onClose} disabled={busy}>
        {t.common.cancel}
      </Button>
      <Button type="primary" danger={danger} htmlType="submit" loading={busy} data-testid="unit-form-submit">
        {ok}
      </Button>
    </div>
  );
}

interface AddValues {
  kind: string;
  name: string;
  shortName?: string;
  regionCode?: string;
}

function AddForm({ unit, data, onClose, onDone }: UnitModalProps) {
  const [form] = Form.useForm<AddValues>();
  const kinds = kindsUnder(data.kinds, unit.kind);
  const kind = Form.useWatch('kind', form) ?? kinds[0]?.kind;
  const rule = kind ? regionRule(kind, unit.regionCode) : null;
  const { error, busy, submit } = useSubmit(
    form,
    async (v) => {
      await addUnit({ parentId: unit.id, kind: v.kind, name: v.name.trim(), shortName: v.shortName?.trim() || null, regionCode: v.regionCode?.trim() || null });
      return t.units.add.done(v.name.trim());
    },
    onDone,
  );
  if (kinds.length === 0) return <Alert type="info" showIcon title={t.units.add.noKinds} />;
  return (
    <Form<AddValues> form={form} layout="vertical" initialValues={{ kind: kinds[0]!.kind }} onFinish={(v) => void submit(v)} data-testid="unit-add-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="unit-form-error" />}
      <Form.Item name="kind" label={t.units.add.kind} rules={[{ required: true, message: t.units.add.kindRequired }]}>
        <Select options={kinds.map((k) => ({ value: k.kind, label: k.label }))} data-testid="unit-add-kind" />
      </Form.Item>
      <Form.Item name="name" label={t.units.add.name} rules={[{ required: true, whitespace: true, message: t.units.add.nameRequired }]}>
        <Input maxLength={100} autoComplete="off" data-testid="unit-add-name" />
      </Form.Item>
      <Form.Item name="shortName" label={t.units.add.shortName}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      {rule && (
        <Form.Item name="regionCode" label={t.units.add.regionCode} extra={t.units.add.regionHint(rule.digits, rule.prefix)}>
          <Input maxLength={rule.digits} inputMode="numeric" autoComplete="off" placeholder={`${rule.prefix}…`} data-testid="unit-add-region" />
        </Form.Item>
      )}
      <Footer busy={busy} onClose={onClose} />
    </Form>
  );
}

function RenameForm({ unit, onClose, onDone }: UnitModalProps) {
  const [form] = Form.useForm<{ name: string; shortName?: string }>();
  const { error, busy, submit } = useSubmit(
    form,
    async (v) => {
      const name = v.name.trim();
      const shortName = v.shortName?.trim() || null;
      await renameUnit(unit.id, { ...(name !== unit.name ? { name } : {}), ...(shortName !== unit.shortName ? { shortName } : {}) });
      return t.units.rename.done;
    },
    onDone,
  );
  return (
    <Form form={form} layout="vertical" initialValues={{ name: unit.name, shortName: unit.shortName ?? undefined }} onFinish={(v) => void submit(v)} data-testid="unit-rename-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="unit-form-error" />}
      {unit.regionCode && <Alert type="info" showIcon title={t.units.rename.regionNote} style={{ marginBottom: 12 }} />}
      <Form.Item name="name" label={t.units.fields.name} rules={[{ required: true, whitespace: true, message: t.units.add.nameRequired }]}>
        <Input maxLength={100} autoComplete="off" data-testid="unit-rename-name" />
      </Form.Item>
      <Form.Item name="shortName" label={t.units.fields.shortName}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Footer busy={busy} onClose={onClose} ok={t.common.save} />
    </Form>
  );
}

function MoveForm({ unit, data, onClose, onDone }: UnitModalProps) {
  const [form] = Form.useForm<{ parentId: number; regionCode?: string }>();
  const units = byId(data);
  const inside = useMemo(() => subtreeOf(data.units, unit.id), [data.units, unit.id]);
  const kind = data.kinds.find((k) => k.kind === unit.kind);
  const tree = useMemo(
    () => adminTree(data.units, (u) => !inside.has(u.id) && u.mergedIntoId === null && u.kind !== 'grid', (u) => (kind?.parents ?? []).includes(u.kind) && u.id !== unit.parentId),
    [data.units, inside, kind, unit.parentId],
  );
  const parentId = Form.useWatch('parentId', form);
  const parent = parentId ? units.get(parentId) : undefined;
  const rule = parent ? regionRule(unit.kind, parent.regionCode) : null;
  const { error, busy, submit } = useSubmit(
    form,
    async (v) => {
      await moveUnit(unit.id, { parentId: v.parentId, ...(v.regionCode?.trim() ? { regionCode: v.regionCode.trim() } : {}) });
      return t.units.move.done;
    },
    onDone,
  );
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="unit-move-form">
      <Alert type="info" showIcon title={t.units.move.note} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="unit-form-error" />}
      <Form.Item name="parentId" label={t.units.move.parent} rules={[{ required: true, message: t.units.move.parentRequired }]}>
        <TreeSelect<number>
          treeData={tree}
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandedKeys={tree.map((n) => n.key)}
          popupMatchSelectWidth={false}
          listHeight={320}
          data-testid="unit-move-parent"
        />
      </Form.Item>
      {rule && unit.regionCode && !unit.regionCode.startsWith(rule.prefix) && (
        <Form.Item name="regionCode" label={t.units.move.regionCode} extra={t.units.add.regionHint(rule.digits, rule.prefix)}>
          <Input maxLength={rule.digits} inputMode="numeric" autoComplete="off" placeholder={`${rule.prefix}…`} data-testid="unit-move-region" />
        </Form.Item>
      )}
      <Footer busy={busy} onClose={onClose} ok={t.common.save} />
    </Form>
  );
}

function MergeForm({ unit, data, onClose, onDone }: UnitModalProps) {
  const [form] = Form.useForm<{ intoUnitId: number }>();
  const inside = useMemo(() => subtreeOf(data.units, unit.id), [data.units, unit.id]);
  const targets = data.units.filter((u) => u.kind === unit.kind && u.mergedIntoId === null && !inside.has(u.id));
  const { modal } = App.useApp();
  const { error, busy, submit } = useSubmit(
    form,
    async (v) => {
      const result = await mergeUnit(unit.id, v.intoUnitId);
      return t.units.merge.done(result.hotline?.requestsHandedOver ?? 0);
    },
    onDone,
  );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        modal.confirm({
          title: t.units.merge.title(unit.name),
          content: targets.find((u) => u.id === v.intoUnitId)?.name,
          okText: t.units.merge.ok,
          cancelText: t.common.cancel,
          okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
          onOk: () => submit(v),
        })
      }
      data-testid="unit-merge-form"
    >
      <Alert
        type="warning"
        showIcon
        title={t.units.merge.accounts(unit.accounts)}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {t.units.merge.consequences.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        }
        style={{ marginBottom: 12 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="unit-form-error" />}
      <Form.Item name="intoUnitId" label={t.units.merge.into} rules={[{ required: true, message: t.units.merge.intoRequired }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={targets.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="unit-merge-into"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t.common.logged}
      </Typography.Paragraph>
      <Footer busy={busy} onClose={onClose} ok={t.units.merge.ok} danger />
    </Form>
  );
}
