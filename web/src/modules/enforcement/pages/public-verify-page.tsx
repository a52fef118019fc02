import { Alert, Card, Descriptions, Tag } from 'antd';
import { INSPECTION_STATUS_LABELS } from '../../../../../contracts/enforcement';
import { enforcementApi } from '../api';
import { enforcementStrings as strings } from '../strings';
import { CodeLookup } from '../components/code-lookup';
import { PublicEnforcementShell } from '../components/public-shell';

const s = strings.verify;

/** 扫码入企: the enterprise scans or types the officers' code and sees who inspects it, when, under which plan. */
export function PublicVerifyPage() {
  return (
    <PublicEnforcementShell title={s.title} subtitle={s.subtitle} footer={s.footer}>
      <CodeLookup path="/xzzf/verify" find={enforcementApi.verifyInspection} unknownError="XZJC_CODE_UNKNOWN" strings={s} testIdPrefix="xzjc-verify" skeletonRows={8}>
        {(visit) => (
          <Card size="small" data-testid="xzjc-verify-result">
            <Alert type="success" showIcon title={s.valid} style={{ marginBottom: 12 }} />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={s.subject}>{visit.subjectName}</Descriptions.Item>
              {visit.jointSubjectNames.length > 0 && <Descriptions.Item label={s.joint}>{visit.jointSubjectNames.join('、')}</Descriptions.Item>}
              <Descriptions.Item label={s.enterprise}>{visit.enterprise.name}</Descriptions.Item>
              <Descriptions.Item label={s.creditCode}>{visit.enterprise.creditCode ?? ''}</Descriptions.Item>
              <Descriptions.Item label={s.plan}>{visit.plan.title}</Descriptions.Item>
              <Descriptions.Item label={s.matter}>{visit.plan.matterName}</Descriptions.Item>
              <Descriptions.Item label={s.basis}>{visit.plan.basis}</Descriptions.Item>
              <Descriptions.Item label={s.day}>{visit.inspectedOn ?? visit.plannedOn}</Descriptions.Item>
              <Descriptions.Item label={s.status}><Tag>{INSPECTION_STATUS_LABELS[visit.status]}</Tag></Descriptions.Item>
              <Descriptions.Item label={s.officers}>
                <div data-testid="xzjc-verify-officers">
                  {visit.officers.map((o) => (
                    <div key={`${o.name}-${o.certificateNumber ?? ''}`}>
                      {o.name}　{o.certificateNumber ? `${s.certificate} ${o.certificateNumber}` : <Tag color="red">{s.noCertificate}</Tag>}
                    </div>
                  ))}
                </div>
              </Descriptions.Item>
            </Descriptions>
            <div style={{ marginTop: 12, color: '#888', fontSize: 12 }}>{s.footer}</div>
          </Card>
        )}
      </CodeLookup>
    </PublicEnforcementShell>
  );
}
