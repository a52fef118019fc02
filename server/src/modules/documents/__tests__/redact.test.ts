import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskIdentifiers, redactFields, redactPersonName } from '../rules/redact.js';

test('a person is named by surname and 某; an organisation keeps its name', () => {
  assert.equal(redactPersonName('张三'), '张某');
  assert.equal(redactPersonName(' 欧阳明明 '), '欧某');
  assert.equal(redactPersonName('临沂市某某建材有限公司'), '临沂市某某建材有限公司');
});

test('identity-card, mobile and landline numbers are masked wherever they appear', () => {
  assert.equal(maskIdentifiers('身份证号37130219800101123X，电话13812345678'), '身份证号371302************，电话138****5678');
  assert.equal(maskIdentifiers('座机0539-8123456'), '座机0539-812****');
  assert.equal(maskIdentifiers('案号（2026）鲁1302行初12号，罚款5000元'), '案号（2026）鲁1302行初12号，罚款5000元', 'other numbers stay');
});

test('a person field and every mention of that person in other fields are redacted', () => {
  const fields = [{ name: 'applicant', kind: 'person' }, { name: 'reasoning', kind: 'longtext' }, { name: 'receivedOn', kind: 'date' }];
  assert.deepEqual(
    redactFields(fields, { applicant: '李小明', reasoning: '李小明称其于3月2日收到决定。', receivedOn: '2026-03-02' }),
    { applicant: '李某', reasoning: '李某称其于3月2日收到决定。', receivedOn: '2026-03-02' },
  );
});

test('a person field listing several people redacts each, and each where mentioned elsewhere', () => {
  const fields = [{ name: 'thirdParties', kind: 'person' }, { name: 'reasoning', kind: 'longtext' }];
  assert.deepEqual(
    redactFields(fields, { thirdParties: '王五、临沂市某某建材有限公司、赵六', reasoning: '第三人赵六与王五均到场陈述。' }),
    { thirdParties: '王某、临沂市某某建材有限公司、赵某', reasoning: '第三人赵某与王某均到场陈述。' },
  );
});
