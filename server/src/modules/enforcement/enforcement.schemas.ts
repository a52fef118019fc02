import { ROW_ID } from '../../platform/validation.js';
import { FIELD_KEYS } from './rules/vocabulary.js';
import { CLUE_SOURCE_LABELS, SELECTION_RULE_LABELS } from './enforcement.strings.js';
import { OVERSIGHT_PAGE } from './operations/oversight.js';
import { IRREGULARITY_KINDS } from '../../../../contracts/enforcement.js';

const tags = ['行政执法'];
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const day = { type: 'string', format: 'date' } as const;
const field = { type: 'string', enum: [...FIELD_KEYS] } as const;
const fields = { type: 'array', minItems: 1, maxItems: FIELD_KEYS.length, uniqueItems: true, items: field } as const;
const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ROW_ID } } as const;

const subjectBody = {
  type: 'object',
  required: ['unitId', 'name', 'kind', 'basisText', 'basisArticle', 'regionCodes', 'fields'],
  additionalProperties: false,
  properties: {
    unitId: ROW_ID,
    name: text(100),
    kind: { type: 'string', enum: ['organ', 'entrusted', 'township_team'] },
    entrustedById: { anyOf: [ROW_ID, { type: 'null' }] },
    basisText: text(500),
    basisArticle: text(300),
    regionCodes: { type: 'array', minItems: 1, maxItems: 200, uniqueItems: true, items: { type: 'string', pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$' } },
    fields,
    status: { type: 'string', enum: ['active', 'inactive'] },
  },
} as const;

const certificateBody = {
  type: 'object',
  required: ['number', 'issuer', 'fields', 'validFrom', 'validTo'],
  additionalProperties: false,
  properties: { number: text(50), issuer: text(100), fields, validFrom: day, validTo: day },
} as const;

export const enforcementSchemas = {
  oversight: {
    summary: '执法监督总览',
    description: 'For a supervisor (`xzzf.supervisor` for a government): every subject under it with its open cases, clocks past their limit and officers able to act today, and one page (`limit` 1–200, default 20; `offset`) of the cases showing an irregularity (a decision needing legal review without one, a handler without a certificate in force on the decision day, filing, decision or publication late), of one subject (`subjectId`) or one `kind` if asked, with the total and the count per kind. A bad parameter: 400 VALIDATION_FAILED; a subject not supervised: 404 XZZF_SUBJECT_NOT_FOUND. Anyone else: 403 XZZF_NOT_SUPERVISOR.',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        subjectId: ROW_ID,
        kind: { type: 'string', enum: [...IRREGULARITY_KINDS] },
        limit: { type: 'integer', minimum: 1, maximum: OVERSIGHT_PAGE.maxLimit, default: OVERSIGHT_PAGE.defaultLimit },
        offset: { type: 'integer', minimum: 0, maximum: OVERSIGHT_PAGE.maxOffset, default: 0 },
      },
    },
  },
  issueSupervision: {
    summary: '发出执法监督意见',
    description: 'A supervisor over the subject issues an opinion in the government’s name: what was found, what must change, the day to report by (a running clock in the subject’s to-do), and the subject’s cases it rests on (linked). The rest goes through `/api/cases/…` (respond, accept, return_report).',
    tags,
    body: {
      type: 'object',
      required: ['subjectId', 'findings', 'requirements', 'respondBy'],
      additionalProperties: false,
      properties: {
        subjectId: ROW_ID, findings: text(5000), requirements: text(5000), respondBy: day,
        caseIds: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', format: 'uuid' } },
      },
    },
  },
  createReviewCampaign: {
    summary: '发起案卷评查',
    description: 'A supervisor opens a 案卷评查 campaign for their government: the period whose decided files it takes, and its scoring sheet (items whose points add up to 100, the 优案 and 差案 lines, experts per file); omitted, data/file-review-sheet.json. A bad sheet: 400 XZZF_REVIEW_SHEET_INVALID.',
    tags,
    body: {
      type: 'object',
      required: ['title', 'periodFrom', 'periodTo'],
      additionalProperties: false,
      properties: {
        title: text(100), periodFrom: day, periodTo: day,
        items: {
          type: 'array', minItems: 1, maxItems: 20,
          items: {
            type: 'object', required: ['key', 'label', 'max'], additionalProperties: false,
            properties: { key: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,30}$' }, label: text(50), max: { type: 'integer', minimum: 1, maximum: 100 }, guidance: { type: 'string', maxLength: 300 } },
          },
        },
        excellentFrom: { type: 'integer', minimum: 1, maximum: 100 },
        poorBelow: { type: 'integer', minimum: 1, maximum: 100 },
        reviewersPerFile: { type: 'integer', minimum: 1, maximum: 5 },
      },
    },
  },
  reviewCampaigns: { summary: '案卷评查活动', description: 'The campaigns of the governments the person supervises, with their files counted by stage, and the default sheet a new campaign starts from.', tags },
  myReviewFiles: { summary: '我的评查案卷', description: 'For an expert (`xzzf.file_reviewer`): the files drawn for them that wait for their score, oldest first; anyone else gets an empty list.', tags },
  reviewCampaign: { summary: '案卷评查活动详情', description: 'The sheet, and each file with its state, experts, scores so far and grade.', tags, params: idParams },
  selectReviewFiles: {
    summary: '选取评查案卷',
    description: 'Adds files decided within the period: `rule` (every file a rule takes), `random` (a share per subject, by a seed the server makes and records) or `nominated` (案例征集, by case number). Each gets experts drawn from the government’s pool, none from the subject reviewed; too few refuses everything (409 XZZF_REVIEW_TOO_FEW_REVIEWERS). The review then goes through `/api/cases/…` (score, return_score, verify, decide, withdraw).',
    tags,
    params: idParams,
    body: {
      type: 'object',
      required: ['mode'],
      additionalProperties: false,
      properties: {
        mode: { type: 'string', enum: ['rule', 'random', 'nominated'] },
        rule: { type: 'string', enum: Object.keys(SELECTION_RULE_LABELS) },
        perSubject: { type: 'integer', minimum: 1, maximum: 50 },
        subjectIds: { type: 'array', maxItems: 200, uniqueItems: true, items: ROW_ID },
        caseNumbers: { type: 'array', minItems: 1, maxItems: 100, items: text(60) },
        reason: text(500),
      },
      allOf: [
        { if: { properties: { mode: { const: 'rule' } } }, then: { required: ['rule'], not: { anyOf: [{ required: ['caseNumbers'] }, { required: ['perSubject'] }] } } },
        { if: { properties: { mode: { const: 'random' } } }, then: { required: ['perSubject'], not: { required: ['caseNumbers'] } } },
        { if: { properties: { mode: { const: 'nominated' } } }, then: { required: ['caseNumbers', 'reason'], not: { anyOf: [{ required: ['rule'] }, { required: ['perSubject'] }, { required: ['subjectIds'] }] } } },
      ],
    },
  },
  publishReviewCampaign: {
    summary: '通报评查结果',
    description: 'Once every file still in the campaign has its grade: publishes the 示范优案 and 典型差案, and opens for each 典型差案 an 执法监督意见 to its subject with these requirements and report day. Otherwise 409 XZZF_REVIEW_NOT_READY.',
    tags,
    params: idParams,
    body: { type: 'object', required: ['requirements', 'respondBy'], additionalProperties: false, properties: { requirements: text(3000), respondBy: day } },
  },
  publishedReviews: {
    summary: '示范优案和典型差案（公众）',
    description: 'Files published by a campaign as 示范优案 or 典型差案, newest first: the subject, case and decision numbers, score and conclusion; a person appears as surname + 某, identity and phone numbers masked.',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
    },
  },
  eraseObject: {
    summary: '删除执法对象的个人信息',
    description: 'On the person’s request, by an administrator who sees the register: an individual’s name becomes surname + 某 (in the register and its history), the address and the identity number (sealed, masked and its lookup key) are removed. 409 XZZF_OBJECT_HAS_OPEN_CASES while a 行政处罚 case against them is open; an enterprise: 400 XZZF_OBJECT_NOT_PERSON. In the security log, without the name.',
    tags,
    params: idParams,
    body: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 500 } } },
  },
  publishedPenalties: {
    summary: '行政处罚决定公示（公众）',
    description: 'Penalty decisions published and not withdrawn, newest first; `q` matches the decision number, the subject, the cause or an organisation’s name (never a person’s). A person appears as surname + 某.',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { q: { type: 'string', maxLength: 50 }, page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
    },
  },
  publishedPenalty: {
    summary: '行政处罚决定书全文（公众）',
    description: 'One published decision, persons’ names redacted and identity and phone numbers masked; anything else answers 404 XZCF_DECISION_NOT_FOUND.',
    tags,
    params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', format: 'uuid' } } },
  },
  recordClue: {
    summary: '登记案件线索',
    description: 'An officer (`xzzf.officer` for the subject’s unit) records a clue in the subject’s name; the 行政处罚 case then goes through `/api/cases/…`. The party is a registered 执法对象 (`objectId`) or, not yet registered, its kind and name.',
    tags,
    body: {
      type: 'object',
      required: ['subjectId', 'field', 'source', 'summary', 'discoveredOn'],
      additionalProperties: false,
      properties: {
        subjectId: ROW_ID, field, source: { type: 'string', enum: Object.keys(CLUE_SOURCE_LABELS) }, summary: text(500), discoveredOn: day,
        objectId: ROW_ID, partyKind: { type: 'string', enum: ['enterprise', 'individual'] }, partyName: text(100),
      },
    },
  },
  vocabulary: {
    summary: '执法领域、处罚种类与违法情节',
    description: 'The vocabularies of the registers (data/fields.json, data/penalties.json), for forms and filters.',
    tags,
  },
  subjects: { summary: '执法主体', description: 'The subjects whose units lie within the subtrees of the caller’s 行政执法 roles.', tags },
  createSubject: {
    summary: '登记执法主体',
    description: 'A 司法局 supervisor (`xzzf.supervisor` for a government) registers an organ, an entrusted organisation (naming the organ that entrusts it) or a township’s 综合行政执法队, tied to a department or township under that government. Logged in the security log.',
    tags,
    body: subjectBody,
  },
  updateSubject: { summary: '修改执法主体', description: 'The whole subject as it is to be; the security log keeps what changed and what it was.', tags, params: idParams, body: subjectBody },
  officers: {
    summary: '执法人员与执法证',
    description: 'Officers of the subjects the caller reads (or of `subjectId`), each with every certificate, its days left and whether it is in force today.',
    tags,
    querystring: { type: 'object', additionalProperties: false, properties: { subjectId: ROW_ID } },
  },
  createOfficer: {
    summary: '登记执法人员',
    description: 'By the subject’s administrator (`xzzf.subject_admin` for its unit) or a supervisor over it; with the first certificate when given. Logged.',
    tags,
    body: {
      type: 'object',
      required: ['subjectId', 'name'],
      additionalProperties: false,
      properties: { subjectId: ROW_ID, name: text(50), userId: { anyOf: [ROW_ID, { type: 'null' }] }, certificate: certificateBody },
    },
  },
  addCertificate: { summary: '登记执法证', description: 'A new certificate for an officer (renewal, another field). Logged.', tags, params: idParams, body: certificateBody },
  certificateStatus: {
    summary: '暂扣、恢复、吊销或注销执法证',
    description: 'A revoked or cancelled certificate cannot change again (XZZF_CERTIFICATE_FINAL). Logged with the reason.',
    tags,
    params: idParams,
    body: {
      type: 'object',
      required: ['status', 'reason'],
      additionalProperties: false,
      properties: { status: { type: 'string', enum: ['valid', 'suspended', 'revoked', 'cancelled'] }, reason: text(500) },
    },
  },
  expiring: {
    summary: '即将到期的执法证',
    description: 'Certificates in force that end within `days` (default 60) days, by subject, for the subjects the caller reads.',
    tags,
    querystring: { type: 'object', additionalProperties: false, properties: { days: { type: 'integer', minimum: 0, maximum: 366, default: 60 } } },
  },
  objects: {
    summary: '执法对象查询',
    description: 'Objects of the county registers the caller reads, by name, 统一社会信用代码 (or its beginning) or a whole 居民身份证 number (found by its keyed hash; shown masked).',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        q: { type: 'string', maxLength: 100 },
        kind: { type: 'string', enum: ['enterprise', 'individual'] },
        page: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 },
        pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      },
    },
  },
  createObject: {
    summary: '登记执法对象',
    description: 'An enterprise by its 统一社会信用代码 (check character verified) or a person by their 居民身份证 number (check character and birth date verified; kept masked, keyed and sealed, never as typed). XZZF_OBJECT_EXISTS gives `details.objectId` of the one already registered.',
    tags,
    body: {
      oneOf: [
        {
          type: 'object',
          required: ['kind', 'name', 'creditCode'],
          additionalProperties: false,
          properties: { kind: { const: 'enterprise' }, name: text(200), creditCode: { type: 'string', minLength: 18, maxLength: 20 }, legalRepresentative: text(50), address: text(200), regionCode: { type: 'string', pattern: '^\\d{6,12}$' } },
        },
        {
          type: 'object',
          required: ['kind', 'name', 'idNumber'],
          additionalProperties: false,
          properties: { kind: { const: 'individual' }, name: text(50), idNumber: { type: 'string', minLength: 18, maxLength: 20 }, address: text(200), regionCode: { type: 'string', pattern: '^\\d{6,12}$' } },
        },
      ],
    },
  },
  object: { summary: '执法对象及其案件、检查记录', description: 'The object and its history; a case or inspection of a subject the caller does not read shows its kind, day and subject only.', tags, params: idParams },
  matters: {
    summary: '执法事项与裁量基准',
    description: 'Matters of the subjects the caller reads, with their discretion benchmarks and 不罚 lists.',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { q: { type: 'string', maxLength: 100 }, subjectId: ROW_ID, field, exemptOnly: { type: 'boolean' } },
    },
  },
  importMatters: {
    summary: '导入执法事项',
    description: 'A supervisor (`xzzf.supervisor`) loads a matters file (.xlsx or UTF-8 .csv, columns in docs/enforcement-registers.md) for the subjects they read. A file with any bad row answers XZZF_MATTER_IMPORT_INVALID with every problem by line and changes nothing. Logged in the security log.',
    tags,
    body: {
      type: 'object',
      required: ['fileName', 'dataBase64'],
      additionalProperties: false,
      properties: { fileName: { type: 'string', minLength: 1, maxLength: 200 }, dataBase64: { type: 'string', minLength: 1, maxLength: 16 * 1024 * 1024 } },
    },
  },
  matter: { summary: '执法事项', description: 'One matter with its benchmark.', tags, params: idParams },
  createInspectionPlan: {
    summary: '制定涉企检查计划',
    description: 'An officer or the administrator of a subject plans a year’s 双随机 inspections under one of its 行政检查 matters, between two days of that year; `plannedCount` omitted: the default share of the candidates (data/inspection-rules.json); `jointSubjectIds`: other subjects of the county inspecting with it (a joint inspection counts once for the enterprise). Logged in the security log.',
    tags,
    body: {
      type: 'object',
      required: ['subjectId', 'year', 'matterId', 'title', 'firstDay', 'lastDay'],
      additionalProperties: false,
      properties: {
        subjectId: ROW_ID, year: { type: 'integer', minimum: 2000, maximum: 2100 }, matterId: ROW_ID, title: text(200),
        plannedCount: { type: 'integer', minimum: 1, maximum: 10_000 },
        jointSubjectIds: { type: 'array', maxItems: 20, uniqueItems: true, items: ROW_ID }, firstDay: day, lastDay: day,
      },
    },
  },
  inspectionPlans: {
    summary: '涉企检查计划',
    description: 'Plans of the subjects the caller reads, newest year first.',
    tags,
    querystring: { type: 'object', additionalProperties: false, properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } },
  },
  inspectionPlan: { summary: '涉企检查计划及抽取结果', description: 'A plan with its draw record (seed, candidates, those over the cap, officers’ pool) and its inspections.', tags, params: idParams },
  drawInspectionPlan: {
    summary: '双随机抽取',
    description: 'Draws the plan’s enterprises (below the yearly cap) and two certified officers for each, once: the seed is the server’s and is recorded. A plan already drawn answers XZJC_ALREADY_DRAWN.',
    tags,
    params: idParams,
  },
  inspectionResult: {
    summary: '登记检查结果',
    description: 'Two officers (of the subject or its joint partners) certified in the matter’s field on the day sign the result; noted in the enterprise’s history.',
    tags,
    params: idParams,
    body: {
      type: 'object',
      required: ['officerIds', 'inspectedOn', 'result', 'note'],
      additionalProperties: false,
      properties: {
        officerIds: { type: 'array', minItems: 2, maxItems: 10, items: ROW_ID }, inspectedOn: day,
        result: { type: 'string', enum: ['no_problem', 'problems'] }, note: text(2000),
      },
    },
  },
  inspectionFollowUp: {
    summary: '检查发现问题转立案件线索',
    description: 'Opens a 行政处罚 clue (source 检查发现) on the inspected enterprise from an inspection whose result found problems; kept on the inspection.',
    tags,
    params: idParams,
    body: { type: 'object', required: ['summary'], additionalProperties: false, properties: { summary: text(500) } },
  },
  publishedInspections: {
    summary: '涉企检查结果公开（公众）',
    description: 'Inspections carried out, newest first: subject, enterprise and credit code, matter, day, result and whether a 行政处罚 case followed; never the officers’ notes. `q` matches an enterprise’s name or credit code, or the subject. A person registered as a party shows as surname + 某.',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { q: { type: 'string', maxLength: 50 }, page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
    },
  },
  verifyInspection: {
    summary: '扫码入企：核验检查码（公众）',
    description: 'Who inspects whom, when and under which plan, for the enterprise at its door: officers’ names and certificate numbers only. An unknown or forged code answers 404 XZJC_CODE_UNKNOWN.',
    tags,
    params: { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', minLength: 1, maxLength: 20 } } },
  },
  inspectionsByEnterprise: {
    summary: '涉企检查次数（按企业）',
    description: 'For the 营商环境 office: inspections per enterprise in a year across the subjects a supervisor oversees, a joint inspection counted once, with the yearly cap.',
    tags,
    querystring: { type: 'object', required: ['year'], additionalProperties: false, properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } },
  },
  inspectionSettings: { summary: '涉企检查设置', description: 'The county’s yearly cap of inspections per enterprise and the default.', tags },
  setInspectionSettings: {
    summary: '设置涉企检查频次上限',
    description: 'A supervisor sets the county’s yearly cap per enterprise; logged with the value it replaces.',
    tags,
    body: { type: 'object', required: ['yearlyCap'], additionalProperties: false, properties: { yearlyCap: { type: 'integer', minimum: 1, maximum: 52 } } },
  },
} as const;
