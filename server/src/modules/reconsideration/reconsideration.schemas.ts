const tag = ['行政复议'];
const text = (max: number, min = 0) => ({ type: 'string', minLength: min, maxLength: max }) as const;
const day = { type: 'string', format: 'date' } as const;
const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;

/** What an application says, at the counter or online; `applicantName` and `agentName` are personal data. */
const applicationProperties = {
  applicantKind: { type: 'string', enum: ['citizen', 'enterprise', 'organisation'] },
  applicantName: text(100, 1),
  creditCode: text(18),
  agentName: text(100),
  respondentUnitId: id,
  respondentName: text(100),
  contestedAct: text(500, 1),
  field: text(50),
  claims: text(5000, 1),
} as const;

/** Public uploads: at most three files of 5 MB each (a scan of the contested decision, evidence). */
export const PUBLIC_FILES = 3;
const PUBLIC_FILE_BASE64 = Math.ceil((5 * 1024 * 1024) / 3) * 4;
export const PUBLIC_APPLICATION_BODY_LIMIT = PUBLIC_FILES * PUBLIC_FILE_BASE64 + 64 * 1024;

export const reconsiderationSchemas = {
  record: {
    summary: '登记复议申请（窗口、邮寄）',
    description:
      'A handler of the organ (`xzfy.handler`) records an application received at the counter or by mail. `organUnitId` may be left out when the handler serves one organ; `receivedOn` (default today) starts the five working days of the acceptance review. The respondent is a department or township under the organ (`respondentUnitId`) or, for an organ outside the tree, its name. Answers 201 with the case id and the query code to give the applicant.',
    tags: tag,
    body: {
      type: 'object',
      required: ['channel', 'applicantKind', 'applicantName', 'contestedAct', 'claims'],
      additionalProperties: false,
      properties: { ...applicationProperties, organUnitId: id, channel: { type: 'string', enum: ['counter', 'mail'] }, receivedOn: day },
    },
  },
  organs: {
    summary: '复议机关及可申请复议的单位（公众）',
    description: 'Every reconsideration organ (a people’s government) with the departments and townships under it, for the online application form.',
    tags: tag,
  },
  apply: {
    summary: '网上申请行政复议（公众）',
    description:
      'An application sent online, with up to three files (PDF or images, 5 MB each, base64). Answers 201 with the query code only after the case and its files are committed; the applicant follows the case with it. A signed-in staff member is refused (STAFF_NOT_CITIZEN).',
    tags: tag,
    body: {
      type: 'object',
      required: ['organUnitId', 'applicantKind', 'applicantName', 'contestedAct', 'claims'],
      additionalProperties: false,
      properties: {
        ...applicationProperties,
        organUnitId: id,
        files: {
          type: 'array',
          maxItems: PUBLIC_FILES,
          items: {
            type: 'object',
            required: ['name', 'mediaType', 'contentBase64'],
            additionalProperties: false,
            properties: { name: text(255, 1), mediaType: text(200, 1), contentBase64: text(PUBLIC_FILE_BASE64, 1) },
          },
        },
      },
    },
  },
  progress: {
    summary: '查询复议案件进度（公众）',
    description: 'Progress of one application by its query code: state, steps with their days, the review’s last day, the conclusion and, once served, the published decision. Unknown codes answer 404 XZFY_CASE_NOT_FOUND.',
    tags: tag,
    params: { type: 'object', required: ['code'], properties: { code: text(20, 1) } },
  },
  decisions: {
    summary: '复议决定书公开（公众）',
    description: 'Decisions of served cases, newest first, with persons’ names redacted.',
    tags: tag,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { organUnitId: id, page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
    },
  },
  decision: {
    summary: '复议决定书全文（公众）',
    description: 'One published decision, rendered from its recorded fields with persons’ names redacted and identity and phone numbers masked. A document that is not a published decision answers 404 XZFY_DECISION_NOT_FOUND.',
    tags: tag,
    params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
  },
} as const;
