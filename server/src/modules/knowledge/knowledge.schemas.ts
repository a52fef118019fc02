import { ROW_ID } from '../../platform/validation.js';

const tags = ['知识库'];
const text = (max: number, min = 1) => ({ type: 'string', minLength: min, maxLength: max }) as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;

export const knowledgeSchemas = {
  search: {
    summary: '检索知识库',
    description:
      'The entries the caller may read, ranked by BM25 over jieba’s words when `q` is given (a few words or a caller’s whole sentence), else listed with usable entries first. Whoever works the hotline reads the published entries of their hotline scope (the 12345 center: the whole county); an entry’s owner and the publisher also see its drafts. Each item says whether it may be used for a direct answer now (`usable`) and, if not, why (`unavailable`: draft, submitted, withdrawn, not_yet_valid, validity_ended, review_overdue).',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        q: text(500, 0),
        owner: ROW_ID,
        page: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 },
        pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      },
    },
  },
  entry: {
    summary: '知识库条目',
    description: 'One entry the caller may read, with its standing for direct answers; unknown and unreadable entries answer KB_ENTRY_NOT_FOUND alike.',
    tags,
    params: { type: 'object', required: ['entryId'], properties: { entryId: uuid } },
  },
  create: {
    summary: '新建知识库条目',
    description:
      'Writes a draft entry for an owning unit the caller maintains (`kb.editor` for it, or `kb.publisher` above it); the caller’s own editor unit when `ownerUnitId` is left out. `sourceCaseId` names the request whose reply it grew from: the caller must see it, and it must be answered and not rated 不满意. Afterwards the entry moves by the generic case actions (submit, publish, renew, revise, withdraw). Answers 201 with the entry’s id (its case id).',
    tags,
    body: {
      type: 'object',
      required: ['question', 'answer', 'legalBasis', 'reviewOn'],
      additionalProperties: false,
      properties: {
        ownerUnitId: ROW_ID,
        question: text(500),
        answer: text(5000),
        legalBasis: text(1000),
        keywords: text(200, 0),
        categoryCode: text(32),
        validFrom: day,
        validUntil: day,
        reviewOn: day,
        sourceCaseId: uuid,
      },
    },
  },
  owners: {
    summary: '可维护条目的单位',
    description: 'The units the caller may write entries for, their own editor units first; empty for readers.',
    tags,
  },
  fromRequest: {
    summary: '由诉求生成条目',
    description:
      'A draft’s text pre-filled from an answered request (its question and its reply, phone and identity numbers masked) with the owner suggested: the unit that replied when the caller maintains it. Nothing is written until the caller saves it with POST /api/kb/entries and `sourceCaseId`.',
    tags,
    params: { type: 'object', required: ['caseId'], properties: { caseId: uuid } },
  },
} as const;
