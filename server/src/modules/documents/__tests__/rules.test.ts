import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../platform/errors/app-error.js';
import { checkTemplate } from '../rules/check-template.js';
import { checkDocumentFields } from '../rules/document-fields.js';
import { bodyDate, chineseDate, formatDocumentNumber } from '../rules/numbering.js';
import { renderDocument } from '../rules/render-document.js';
import { FIELDS, TEST_DECISION } from './test-case-type.js';

const PATTERN = '{organShort}复决字〔{year}〕第{n}号';
const refusal = (code: string, check?: (e: AppError) => void) => (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.code, code);
  check?.(e);
  return true;
};

describe('document numbers and dates', () => {
  test('the pattern takes the organ short name, the year and the sequence', () => {
    assert.equal(formatDocumentNumber(PATTERN, { organShort: '兰政', year: 2026, n: 12 }), '兰政复决字〔2026〕第12号');
    assert.equal(formatDocumentNumber('{organShort}〔{year}〕{n}号', { organShort: '临沂市兰山区人民政府', year: 2027, n: 1 }), '临沂市兰山区人民政府〔2027〕1号');
  });

  test('a draft leaves the sequence blank', () => {
    assert.equal(formatDocumentNumber(PATTERN, { organShort: '兰政', year: 2026, n: null }), '兰政复决字〔2026〕第　　号');
  });

  test('成文日期 is written in Chinese numerals, on the calendar of China', () => {
    assert.equal(chineseDate(new Date('2026-12-05T10:00:00+08:00')), '二〇二六年十二月五日');
    assert.equal(chineseDate(new Date('2026-03-10T10:00:00+08:00')), '二〇二六年三月十日');
    assert.equal(chineseDate(new Date('2030-11-21T10:00:00+08:00')), '二〇三〇年十一月二十一日');
    assert.equal(chineseDate(new Date('2026-10-31T10:00:00+08:00')), '二〇二六年十月三十一日');
    // 00:30 on New Year's Day in Beijing is still the old year in UTC.
    assert.equal(chineseDate(new Date('2025-12-31T16:30:00Z')), '二〇二六年一月一日');
  });

  test('dates in running text use Arabic numerals', () => {
    assert.equal(bodyDate('2026-02-09'), '2026年2月9日');
  });
});

describe('template declarations', () => {
  test('the test template is well formed', () => {
    assert.deepEqual(checkTemplate(TEST_DECISION), []);
  });

  test('a template that could never render is named with every problem', () => {
    const problems = checkTemplate({
      ...TEST_DECISION,
      id: 'Bad Id',
      numbering: '{organShort}〔{year}〕{seq}号',
      fields: [...TEST_DECISION.fields, { name: 'kind', label: '类别', kind: 'choice', required: false }, { name: 'date', label: '日期', kind: 'date', required: false }],
      body: [{ kind: 'paragraph', text: '{nobody}' }],
    });
    assert.deepEqual(problems, [
      'id must be lower-case words joined by dots, e.g. xzfy.decision',
      'numbering has no {n}',
      'numbering: unknown placeholder {seq}',
      'field kind: a choice needs options',
      'field date hides a built-in placeholder',
      'body: unknown placeholder {nobody}',
      'body has no title',
    ]);
  });
});

describe('filling a template', () => {
  test('missing required fields are refused together, named by their labels', () => {
    assert.throws(
      () => checkDocumentFields(TEST_DECISION, { applicant: '张某某', request: '  ' }),
      refusal('DOCUMENT_FIELDS_MISSING', (e) => {
        assert.equal(e.status, 400);
        assert.deepEqual(e.details, { fields: ['respondent', 'request', 'outcome'] });
        assert.equal(e.message, '文书缺少必填项：被申请人、复议请求、决定结果');
      }),
    );
  });

  test('values of the wrong kind and unknown fields are refused field by field', () => {
    assert.throws(
      () => checkDocumentFields(TEST_DECISION, { ...FIELDS, outcome: '驳回', actDate: '2026-02-30', fine: -1, extra: 'x' }),
      refusal('DOCUMENT_FIELD_INVALID', (e) => {
        assert.deepEqual((e.details as Array<{ field: string }>).map((p) => p.field), ['extra', 'outcome', 'actDate', 'fine']);
      }),
    );
    assert.throws(() => checkDocumentFields(TEST_DECISION, { ...FIELDS, fine: 12.345 }), refusal('DOCUMENT_FIELD_INVALID'));
    assert.throws(() => checkDocumentFields(TEST_DECISION, { ...FIELDS, applicant: { name: 'x' } }), refusal('DOCUMENT_FIELD_INVALID'));
  });

  test('values are kept trimmed, money as a number of yuan', () => {
    assert.deepEqual(checkDocumentFields(TEST_DECISION, { ...FIELDS, applicant: ' 张某某 ', fine: '1234.5' }), { ...FIELDS, fine: 1234.5 });
  });

  test('the document is filled: number, fields in their written form, longtext as paragraphs, the signature', () => {
    const values = checkDocumentFields(TEST_DECISION, FIELDS);
    const doc = renderDocument(TEST_DECISION, values, { organName: '临沂市兰山区人民政府', organShort: '兰政', n: 12, at: new Date('2026-12-05T09:00:00+08:00') });
    assert.equal(doc.title, '行政复议决定书');
    assert.deepEqual(doc.blocks, [
      { kind: 'title', text: '行政复议决定书' },
      { kind: 'number', text: '兰政复决字〔2026〕第12号' },
      { kind: 'paragraph', text: '申请人：张某某' },
      { kind: 'paragraph', text: '被申请人：兰山区市场监督管理局' },
      { kind: 'paragraph', text: '申请人不服被申请人于2026年2月10日作出的行政行为，向本机关申请行政复议。' },
      { kind: 'heading', text: '一、复议请求' },
      { kind: 'paragraph', text: '请求撤销被申请人作出的行政处罚决定。' },
      { kind: 'paragraph', text: '请求退还已缴纳的罚款。' },
      { kind: 'paragraph', text: '原处罚金额：人民币5000元' },
      { kind: 'heading', text: '二、决定' },
      { kind: 'paragraph', text: '本机关决定：撤销。' },
      { kind: 'signature', organ: '临沂市兰山区人民政府', date: '二〇二六年十二月五日' },
    ]);
  });

  test('a paragraph whose optional fields were left out is dropped; a draft has no sequence', () => {
    const values = checkDocumentFields(TEST_DECISION, { ...FIELDS, fine: undefined, actDate: '' });
    const doc = renderDocument(TEST_DECISION, values, { organName: '兰山区人民政府', organShort: '兰政', n: null, at: new Date('2026-03-02T09:00:00+08:00') });
    const texts = doc.blocks.map((b) => ('text' in b ? b.text : b.date));
    assert.ok(!texts.some((t) => t.includes('原处罚金额') || t.includes('不服')));
    assert.equal(texts[1], '兰政复决字〔2026〕第　　号');
    assert.equal(texts.at(-1), '二〇二六年三月二日');
  });

  test('cents are written when there are any', () => {
    const doc = renderDocument(TEST_DECISION, checkDocumentFields(TEST_DECISION, { ...FIELDS, fine: 1234.5 }), { organName: 'x', organShort: 'x', n: 1, at: new Date() });
    assert.ok(doc.blocks.some((b) => 'text' in b && b.text === '原处罚金额：人民币1234.50元'));
  });
});
