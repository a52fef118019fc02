import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { SUBJECT_KIND_LABELS, SUBJECT_STATUS_LABELS, type SubjectKind } from '../../../../../contracts/enforcement';
import { api, errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { unitTree, useUnits, type UnitTreeNode } from '../../../api/units';
import type { EnforcementVocabulary, SubjectView } from '../api';
import { ENFORCEMENT_MODULE } from '../roles';
import { enforcementStrings as strings } from '../strings';

const s = strings.subjectForm;
const SUBJECT_UNIT_KINDS = new Set(['government', 'department', 'township']);

type Values = Pick<SubjectView, 'unitId' | 'name' | 'kind' | 'basisText' | 'basisArticle' | 'regionCodes' | 'fields' | 'status'> & { entrustedById?: number };

/** 登记 or 修改 a subject, for the 司法局's supervisor; the security log keeps what changed. */
export function SubjectModal({ open, editing, subjects, vocabulary, onClose, onSaved }: {
  open: boolean; editing: SubjectView | null; subjects: SubjectView[]; vocabulary: EnforcementVocabulary | null; onClose: () => void; onSaved: () => void;
}) {
  const { units, loading } = useUnits(ENFORCEMENT_MODULE);
  // Governments only hold the tree together: a subject is a department's or a township's.
  const tree = useMemo(() => {
    const governments = new Set(units.filter((u) => u.kind === 'government').map((u) => u.id));
    const mark = (node: UnitTreeNode): UnitTreeNode & { selectable: boolean } => ({ ...node, selectable: !governments.has(node.value), ...(node.children ? { children: node.children.map(mark) } : {}) });
    return unitTree(units.filter((u) => SUBJECT_UNIT_KINDS.has(u.kind))).map(mark);
  }, [units]);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    const body = { ...v, name: v.name.trim(), basisText: v.basisText.trim(), basisArticle: v.basisArticle.trim(), entrustedById: v.kind === 'entrusted' ? v.entrustedById : null };
    try {
      if (editing) await api.put(`/api/xzzf/subjects/${editing.id}`, body);
      else await api.post('/api/xzzf/subjects', body);
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };
  const required = (label: string) => [{ required: true, message: s.required(label) }];
  const initial: Partial<Values> = editing ? { ...editing, entrustedById: editing.entrustedById ?? undefined } : { kind: 'organ', status: 'active', regionCodes: [] };
  return (
    <Modal open={open} title={editing ? s.editTitle(editing.name) : s.createTitle} okText={s.submit} onOk={() => form.submit()} confirmLoading={submitting} onCancel={onClose} destroyOnHidden width={640} okButtonProps={{ 'data-testid': 'xzzf-subject-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial} preserve={false}>
        <Form.Item name="unitId" label={s.unit} rules={required(s.unit)}>
          <TreeSelect<number> treeData={tree} loading={loading} showSearch treeNodeFilterProp="title" treeDefaultExpandAll data-testid="xzzf-subject-unit" />
        </Form.Item>
        <Form.Item name="name" label={s.name} rules={[{ required: true, whitespace: true, message: s.required(s.name) }, { max: 100 }]}>
          <Input maxLength={100} data-testid="xzzf-subject-name-input" />
        </Form.Item>
        <Form.Item name="kind" label={s.kind} rules={required(s.kind)}>
          <Select options={(Object.keys(SUBJECT_KIND_LABELS) as SubjectKind[]).map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))} data-testid="xzzf-subject-kind" />
        </Form.Item>
        {kind === 'entrusted' && (
          <Form.Item name="entrustedById" label={s.entrustedBy} rules={required(s.entrustedBy)}>
            <Select options={subjects.filter((x) => x.kind === 'organ').map((x) => ({ value: x.id, label: x.name }))} data-testid="xzzf-subject-entrusted" />
          </Form.Item>
        )}
        <Form.Item name="basisText" label={s.basisText} rules={[{ required: true, whitespace: true, message: s.required(s.basisText) }, { max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={s.basisTextPlaceholder} data-testid="xzzf-subject-basis" />
        </Form.Item>
        <Form.Item name="basisArticle" label={s.basisArticle} rules={[{ required: true, whitespace: true, message: s.required(s.basisArticle) }, { max: 300 }]}>
          <Input maxLength={300} placeholder={s.basisArticlePlaceholder} data-testid="xzzf-subject-article" />
        </Form.Item>
        <Form.Item name="regionCodes" label={s.regionCodes} rules={required(s.regionCodes)}>
          <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} placeholder={s.regionCodesPlaceholder} data-testid="xzzf-subject-regions" />
        </Form.Item>
        <Form.Item name="fields" label={s.fields} rules={required(s.fields)}>
          <Select mode="multiple" options={(vocabulary?.fields ?? []).map((f) => ({ value: f.key, label: f.label }))} data-testid="xzzf-subject-fields" />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={s.status}>
            <Select options={(Object.keys(SUBJECT_STATUS_LABELS) as Array<keyof typeof SUBJECT_STATUS_LABELS>).map((k) => ({ value: k, label: SUBJECT_STATUS_LABELS[k] }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
