import { readFileSync } from 'node:fs';
import { repoPath } from '../../platform/repo-path.js';
import { registerDocumentTemplate, type DocumentTemplate, type TemplateBlock, type TemplateField } from '../documents/index.js';
import { PENALTY_DOCUMENT_LABELS as LABELS } from './enforcement.strings.js';

type Kind = keyof typeof LABELS;
const NUMBERING = JSON.parse(readFileSync(repoPath('server/src/modules/enforcement/data/penalty-numbering.json'), 'utf8')) as Record<Kind, string>;

const CASE_TYPE = 'xzcf_case';
const field = (name: string, label: string, kind: TemplateField['kind'] = 'text', required = true): TemplateField => ({ name, label, kind, required });
// The party may be a person: a published decision shows them as surname + 某.
const PARTY = [field('party', '当事人', 'person'), field('caseNumber', '案号', 'text', false), field('subject', '执法主体')];
const head = (kind: Kind, to: string): TemplateBlock[] => [{ kind: 'title', text: LABELS[kind] }, { kind: 'number' }, { kind: 'paragraph', text: to }];

function template(kind: Kind, actions: string[], fields: TemplateField[], body: TemplateBlock[]): DocumentTemplate {
  // Template ids are lower-case words joined by dots: hearingNotice → xzcf.hearing.notice.
  return { id: `xzcf.${kind.replace(/[A-Z]/g, (c) => `.${c.toLowerCase()}`)}`, label: LABELS[kind], numbering: NUMBERING[kind], issuedBy: { caseType: CASE_TYPE, actions }, fields: [...PARTY, ...fields], body };
}

/** The documents of a 行政处罚 case, each issued by the action that takes the step it records. */
export const PENALTY_DOCUMENTS = {
  filing: template('filing', ['approve_filing'], [field('summary', '案由'), field('source', '案件来源'), field('discoveredOn', '发现日期', 'date'), field('matter', '执法事项', 'text', false), field('basis', '法律依据', 'text', false), field('officers', '承办人员')], [
    { kind: 'title', text: LABELS.filing }, { kind: 'number' },
    { kind: 'paragraph', text: '当事人：{party}' }, { kind: 'paragraph', text: '案由：{summary}' }, { kind: 'paragraph', text: '案件来源：{source}；发现日期：{discoveredOn}' },
    { kind: 'paragraph', text: '执法事项：{matter}' }, { kind: 'paragraph', text: '依据：{basis}' }, { kind: 'paragraph', text: '承办人员：{officers}' },
    { kind: 'paragraph', text: '经核查，有违法事实，属于本机关管辖，依照《中华人民共和国行政处罚法》第五十四条，批准立案。' }, { kind: 'signature' },
  ]),
  notice: template('notice', ['approve_notice'], [field('penalties', '拟作出的行政处罚'), field('basis', '法律依据', 'text', false), field('hearing', '听证权利', 'longtext', false)], [
    ...head('notice', '{party}：'),
    { kind: 'paragraph', text: '本机关拟对你（单位）作出如下行政处罚：{penalties}。依据：{basis}。' },
    { kind: 'paragraph', text: '根据《中华人民共和国行政处罚法》第四十四条、第四十五条，你（单位）有权进行陈述和申辩。' },
    { kind: 'paragraph', text: '{hearing}' }, { kind: 'signature' },
  ]),
  hearingNotice: template('hearingNotice', ['schedule_hearing'], [field('hearingOn', '听证日期', 'date'), field('place', '听证地点')], [
    ...head('hearingNotice', '{party}：'),
    { kind: 'paragraph', text: '根据你（单位）的要求，本机关定于{hearingOn}在{place}举行听证。当事人可以亲自参加听证，也可以委托一至二人代理；无正当理由拒不出席或者未经许可中途退出的，视为放弃听证权利（《中华人民共和国行政处罚法》第六十四条）。' },
    { kind: 'signature' },
  ]),
  legalReview: template('legalReview', ['legal_review'], [field('result', '审核结论'), field('opinion', '审核意见', 'longtext')], [
    ...head('legalReview', '案号：{caseNumber}　当事人：{party}'),
    { kind: 'paragraph', text: '审核结论：{result}' }, { kind: 'heading', text: '审核意见' }, { kind: 'paragraph', text: '{opinion}' },
    { kind: 'paragraph', text: '（依据《中华人民共和国行政处罚法》第五十八条）' }, { kind: 'signature' },
  ]),
  decision: template('decision', ['decide'], [field('facts', '违法事实', 'longtext'), field('basis', '法律依据', 'text', false), field('penalties', '行政处罚'), field('officers', '执法人员')], [
    ...head('decision', '当事人：{party}'),
    { kind: 'heading', text: '违法事实和证据' }, { kind: 'paragraph', text: '{facts}' },
    { kind: 'paragraph', text: '以上事实，由执法人员{officers}调查取证。依据{basis}，本机关决定给予如下行政处罚：{penalties}。' },
    { kind: 'paragraph', text: '罚款应当自收到本决定书之日起十五日内缴纳；到期不缴纳的，每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》第六十七条、第七十二条）。' },
    { kind: 'paragraph', text: '如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。' },
    { kind: 'signature' },
  ]),
  noPenalty: template('noPenalty', ['decide_no_penalty'], [field('facts', '查明事实', 'longtext'), field('ground', '不予处罚情形'), field('exemptionItem', '清单事项', 'text', false), field('basis', '依据')], [
    ...head('noPenalty', '当事人：{party}'),
    { kind: 'paragraph', text: '{facts}' }, { kind: 'paragraph', text: '情形：{ground}。' }, { kind: 'paragraph', text: '适用首违不罚清单事项：{exemptionItem}' },
    { kind: 'paragraph', text: '依据《中华人民共和国行政处罚法》{basis}条，本机关决定不予行政处罚。' }, { kind: 'signature' },
  ]),
  onSpot: template('onSpot', ['decide_on_spot'], [field('facts', '违法事实', 'longtext'), field('basis', '法律依据'), field('penalties', '行政处罚'), field('officers', '执法人员')], [
    ...head('onSpot', '当事人：{party}'),
    { kind: 'paragraph', text: '{facts}' },
    { kind: 'paragraph', text: '依据{basis}，依照《中华人民共和国行政处罚法》第五十一条、第五十二条，当场作出如下行政处罚：{penalties}。执法人员：{officers}。' },
    { kind: 'paragraph', text: '如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。' },
    { kind: 'signature' },
  ]),
  service: template('service', ['serve'], [field('decisionNumber', '送达文书文号'), field('servedOn', '送达日期', 'date'), field('method', '送达方式')], [
    ...head('service', '受送达人：{party}'),
    { kind: 'paragraph', text: '送达文书：行政处罚决定书（{decisionNumber}）' }, { kind: 'paragraph', text: '送达日期：{servedOn}　送达方式：{method}' }, { kind: 'signature' },
  ]),
  closing: template('closing', ['close'], [field('decisionNumber', '决定书文号', 'text', false), field('penalties', '行政处罚', 'text', false), field('execution', '执行情况', 'text', false), field('summary', '结案情况', 'longtext')], [
    ...head('closing', '案号：{caseNumber}　当事人：{party}'),
    { kind: 'paragraph', text: '处罚决定：{decisionNumber}　{penalties}' }, { kind: 'paragraph', text: '执行情况：{execution}' }, { kind: 'paragraph', text: '{summary}' }, { kind: 'signature' },
  ]),
  transfer: template('transfer', ['transfer'], [field('to', '接收机关'), field('reason', '移送理由', 'longtext')], [
    ...head('transfer', '{to}：'),
    { kind: 'paragraph', text: '本机关在办理{party}一案中，发现下列情况，依法移送你单位处理：' }, { kind: 'paragraph', text: '{reason}' },
    { kind: 'paragraph', text: '随附案件材料。请在收到后出具回执。' }, { kind: 'signature' },
  ]),
} satisfies Record<Kind, DocumentTemplate>;

for (const t of Object.values(PENALTY_DOCUMENTS)) registerDocumentTemplate(t);
