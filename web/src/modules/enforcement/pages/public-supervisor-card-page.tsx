import { Alert, Card, Descriptions, Tag } from 'antd';
import { CodeLookup } from '../components/code-lookup';
import { PublicEnforcementShell } from '../components/public-shell';
import { supervisorApi } from '../social-supervisors-api';
import { supervisorStrings as strings } from '../social-supervisors-strings';

const s = strings.card;

/** 监督卡核验: anyone types or scans a card code and sees whose it is and whether it is in force; never the phone. */
export function PublicSupervisorCardPage() {
  return (
    <PublicEnforcementShell title={s.title} subtitle={s.subtitle} footer={s.footer}>
      <CodeLookup path="/xzzf/supervisor-card" find={supervisorApi.card} unknownError="XZZF_CARD_UNKNOWN" strings={s} testIdPrefix="xzzf-card" skeletonRows={5}>
        {(card) => (
          <Card size="small" data-testid="xzzf-card-result">
            <Alert type={card.inForce ? 'success' : 'error'} showIcon title={card.inForce ? s.valid : s.invalid} style={{ marginBottom: 12 }} data-testid="xzzf-card-force" />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={s.name}>{card.name}</Descriptions.Item>
              <Descriptions.Item label={s.workUnit}>{card.workUnit}</Descriptions.Item>
              <Descriptions.Item label={s.term}>{strings.office.term(card.termFrom, card.termTo)}</Descriptions.Item>
              <Descriptions.Item label={s.office}>{card.office}</Descriptions.Item>
              <Descriptions.Item label={s.status}>{card.inForce ? <Tag color="green">{strings.office.inForce}</Tag> : <Tag color="red">{s.invalid}</Tag>}</Descriptions.Item>
            </Descriptions>
          </Card>
        )}
      </CodeLookup>
    </PublicEnforcementShell>
  );
}
