import { Checkbox, Form, Input, Radio, Select } from 'antd';
import type { ApplicantKind, ApplicationBody, Organ } from '../api';
import { reconsiderationStrings as s } from '../strings';

/** The form's values for what an application says; the respondent is a unit of the list or, ticked outside, a name. */
export interface ApplicationValues {
  applicantKind: ApplicantKind;
  applicantName: string;
  creditCode?: string;
  agentName?: string;
  respondentOutside?: boolean;
  respondentUnitId?: number;
  respondentName?: string;
  contestedAct: string;
  field?: string;
  claims: string;
}

const KINDS: ApplicantKind[] = ['citizen', 'enterprise', 'organisation'];
const trimmed = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The body both application routes take, from the form's values. */
export function toApplicationBody(v: ApplicationValues): ApplicationBody {
  return {
    applicantKind: v.applicantKind,
    applicantName: v.applicantName.trim(),
    creditCode: v.applicantKind === 'citizen' ? undefined : trimmed(v.creditCode)?.toUpperCase(),
    agentName: trimmed(v.agentName),
    ...(v.respondentOutside ? { respondentName: trimmed(v.respondentName) } : { respondentUnitId: v.respondentUnitId }),
    contestedAct: v.contestedAct.trim(),
    field: trimmed(v.field),
    claims: v.claims.trim(),
  };
}

/**
 * The fields of a reconsideration application, shared by the counter's form and the online one:
 * who applies (a citizen, an enterprise with its credit code, another organisation), against
 * which unit under the organ (or an organ outside the list, by name), the act and the claims.
 */
export function ApplicationFields({ organ }: { organ: Organ | undefined }) {
  const form = Form.useFormInstance<ApplicationValues>();
  const kind = Form.useWatch('applicantKind', form) ?? 'citizen';
  const outside = Form.useWatch('respondentOutside', form) === true;
  const required = (label: string) => [{ required: true, whitespace: true, message: s.rules.required(label) }];
  return (
    <>
      <Form.Item name="applicantKind" label={s.fields.applicantKind} rules={[{ required: true, message: s.rules.choose(s.fields.applicantKind) }]}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="xzfy-applicant-kind">
          {KINDS.map((k) => (
            <Radio.Button key={k} value={k}>
              <span data-testid={`xzfy-applicant-kind-${k}`}>{s.fields.applicantKinds[k]}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="applicantName"
        label={kind === 'citizen' ? s.fields.applicantNameCitizen : s.fields.applicantNameOther}
        rules={[...required(s.fields.applicantName), { max: 100 }]}
      >
        <Input maxLength={100} autoComplete="off" data-testid="xzfy-applicant-name" />
      </Form.Item>
      {kind !== 'citizen' && (
        <Form.Item
          name="creditCode"
          label={s.fields.creditCode}
          rules={[
            { required: kind === 'enterprise', whitespace: true, message: s.rules.creditCode },
            { pattern: /^\s*[0-9A-Za-z]{18}\s*$/, message: s.rules.creditCode },
          ]}
        >
          <Input maxLength={18} placeholder={s.fields.creditCodePlaceholder} autoComplete="off" data-testid="xzfy-credit-code" />
        </Form.Item>
      )}
      <Form.Item name="agentName" label={s.fields.agentName} rules={[{ max: 100 }]}>
        <Input maxLength={100} placeholder={s.fields.agentPlaceholder} autoComplete="off" data-testid="xzfy-agent-name" />
      </Form.Item>
      {outside ? (
        <Form.Item name="respondentName" label={s.fields.respondentName} rules={[...required(s.fields.respondentName), { max: 100 }]}>
          <Input maxLength={100} placeholder={s.fields.respondentNamePlaceholder} data-testid="xzfy-respondent-name" />
        </Form.Item>
      ) : (
        <Form.Item name="respondentUnitId" label={s.fields.respondent} rules={[{ required: true, message: s.rules.choose(s.fields.respondent) }]}>
          <Select<number>
            showSearch
            optionFilterProp="label"
            placeholder={s.fields.respondentPlaceholder}
            options={(organ?.respondents ?? []).map((r) => ({ value: r.id, label: r.name }))}
            loading={!organ}
            data-testid="xzfy-respondent"
          />
        </Form.Item>
      )}
      <Form.Item name="respondentOutside" valuePropName="checked" style={{ marginTop: -12 }}>
        <Checkbox data-testid="xzfy-respondent-outside">{s.fields.respondentOutside}</Checkbox>
      </Form.Item>
      <Form.Item name="contestedAct" label={s.fields.contestedAct} rules={[...required(s.fields.contestedAct), { max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} placeholder={s.fields.contestedActPlaceholder} data-testid="xzfy-contested-act" />
      </Form.Item>
      <Form.Item name="field" label={s.fields.field} rules={[{ max: 50 }]}>
        <Input maxLength={50} placeholder={s.fields.fieldPlaceholder} data-testid="xzfy-field" />
      </Form.Item>
      <Form.Item name="claims" label={s.fields.claims} rules={[...required(s.fields.claims), { max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount placeholder={s.fields.claimsPlaceholder} data-testid="xzfy-claims" />
      </Form.Item>
    </>
  );
}
