import { defineCaseType, registerModule, actsAs, type ActionContext } from '../../cases/index.js';
import { issueDocument, issueDocumentFromFields, registerDocumentTemplate, type DocumentTemplate } from '../index.js';

// A case type and its decision template, for the tests only: the platform ships no template of
// any module. A reconsideration-like application whose organ decides with a numbered document.

export const TEST_MODULE = 'test_documents';
const actsForOrgan = async (ctx: ActionContext) => actsAs(ctx.actor, TEST_MODULE, ['handler', 'unit_leader'], ctx.organUnitId);

export const TEST_CASE_TYPE = defineCaseType({
  name: 'test_documents_application',
  label: '测试申请',
  module: TEST_MODULE,
  states: { open: { label: '办理中' }, decided: { label: '已决定', final: true } },
  initialState: 'open',
  openEvent: 'applied',
  stakeholders: 'select null::uuid as case_id, null::int as unit_id where false',
  actions: {
    note: { label: '记录', from: ['open'], roles: ['handler', 'unit_leader'], input: { type: 'object', properties: { text: { type: 'string' } }, additionalProperties: false }, authorize: actsForOrgan },
    decide: {
      label: '作出决定',
      from: ['open'],
      to: 'decided',
      roles: ['unit_leader'],
      input: { type: 'object', properties: { documentId: { type: 'string' } }, required: ['documentId'], additionalProperties: false },
      authorize: actsForOrgan,
      effect: async (ctx) => ({
        eventFacts: { decision: await issueDocument(ctx.tx, { caseId: ctx.caseId, documentId: String(ctx.input.documentId), organUnitId: ctx.organUnitId, actor: ctx.actor, at: ctx.now }) },
      }),
    },
    decide_directly: {
      label: '直接作出决定',
      from: ['open'],
      to: 'decided',
      roles: ['unit_leader'],
      input: { type: 'object', properties: { fields: { type: 'object' } }, required: ['fields'], additionalProperties: false },
      authorize: actsForOrgan,
      effect: async (ctx) => ({
        eventFacts: await issueDocumentFromFields(ctx.tx, { caseId: ctx.caseId, template: TEST_DECISION.id, fields: ctx.input.fields as Record<string, unknown>, organUnitId: ctx.organUnitId, actor: ctx.actor, at: ctx.now }),
      }),
    },
  },
});

export const TEST_DECISION: DocumentTemplate = {
  id: 'test.decision',
  label: '行政复议决定书',
  numbering: '{organShort}复决字〔{year}〕第{n}号',
  issuedBy: { caseType: TEST_CASE_TYPE.name, actions: ['decide', 'decide_directly'] },
  fields: [
    { name: 'applicant', label: '申请人', kind: 'person', required: true },
    { name: 'respondent', label: '被申请人', kind: 'text', required: true },
    { name: 'request', label: '复议请求', kind: 'longtext', required: true },
    { name: 'outcome', label: '决定结果', kind: 'choice', required: true, options: ['维持', '撤销', '变更', '确认违法'] },
    { name: 'actDate', label: '行政行为作出日期', kind: 'date', required: false },
    { name: 'fine', label: '罚款金额', kind: 'money', required: false },
  ],
  body: [
    { kind: 'title', text: '行政复议决定书' },
    { kind: 'number' },
    { kind: 'paragraph', text: '申请人：{applicant}' },
    { kind: 'paragraph', text: '被申请人：{respondent}' },
    { kind: 'paragraph', text: '申请人不服被申请人于{actDate}作出的行政行为，向本机关申请行政复议。' },
    { kind: 'heading', text: '一、复议请求' },
    { kind: 'paragraph', text: '{request}' },
    { kind: 'paragraph', text: '原处罚金额：人民币{fine}' },
    { kind: 'heading', text: '二、决定' },
    { kind: 'paragraph', text: '本机关决定：{outcome}。' },
    { kind: 'signature' },
  ],
};

registerModule({ name: TEST_MODULE, label: '测试', roles: { handler: { label: '承办人' }, unit_leader: { label: '负责人' } }, caseTypes: [TEST_CASE_TYPE] });
registerDocumentTemplate(TEST_DECISION);

export const FIELDS = {
  applicant: '张某某',
  respondent: '兰山区市场监督管理局',
  request: '请求撤销被申请人作出的行政处罚决定。\n请求退还已缴纳的罚款。',
  outcome: '撤销',
  actDate: '2026-02-10',
  fine: 5000,
};
