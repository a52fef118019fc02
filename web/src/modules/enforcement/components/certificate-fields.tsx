import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { enforcementStrings as strings } from '../strings';

const s = strings.newOfficer;

export interface CertificateValues {
  number: string;
  issuer: string;
  fields: string[];
  validFrom: Dayjs;
  validTo: Dayjs;
}

/** A certificate as the routes take it. */
export const certificateBody = (v: CertificateValues) => ({
  number: v.number.trim(), issuer: v.issuer.trim(), fields: v.fields, validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo.format('YYYY-MM-DD'),
});

/** The server's field problems of a certificate nested in an officer's body, under the form's own fields. */
export const CERTIFICATE_FIELD_ALIASES = { 'certificate.number': 'number', 'certificate.fields': 'fields', 'certificate.validTo': 'validTo' };

export const CERTIFICATE_DEFAULTS = { issuer: s.issuerDefault };

/** A certificate's fields in a form: number, issuer, the subject's fields it covers, first and last day. */
export function CertificateFields({ fields, field, testId }: { fields: readonly string[]; field: (key: string) => string; testId: string }) {
  const required = (label: string) => [{ required: true, message: s.required(label) }];
  const text = (name: 'number' | 'issuer', label: string, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, message: s.required(label) }, { max }]}>
      <Input maxLength={max} data-testid={`${testId}-${name}`} />
    </Form.Item>
  );
  return (
    <>
      {text('number', s.number, 50)}
      {text('issuer', s.issuer, 100)}
      <Form.Item name="fields" label={s.fields} rules={required(s.fields)}>
        <Select mode="multiple" options={fields.map((f) => ({ value: f, label: field(f) }))} data-testid={`${testId}-fields`} />
      </Form.Item>
      <Form.Item name="validFrom" label={s.validFrom} rules={required(s.validFrom)}>
        <DatePicker style={{ width: 200 }} data-testid={`${testId}-validFrom`} />
      </Form.Item>
      <Form.Item name="validTo" label={s.validTo} rules={required(s.validTo)}>
        <DatePicker style={{ width: 200 }} data-testid={`${testId}-validTo`} />
      </Form.Item>
    </>
  );
}
