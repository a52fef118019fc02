import { MAX_PAGE, MAX_PAGE_SIZE } from './operations/search-cases.js';

const str = (max: number, min = 1) => ({ type: 'string', minLength: min, maxLength: max });
const tag = ['案件'];
const caseType = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' };
const caseId = { type: 'string', format: 'uuid' };
/** A type's own filters are named by its listing (docs/case-lists.md): any other parameter is one, a short string. */
const filterValue = { type: 'string', minLength: 1, maxLength: 100 };
const searchProperties = {
  caseType,
  state: str(40),
  q: str(100),
  sort: { type: 'string', minLength: 1, maxLength: 41, pattern: '^-?[a-z][a-z0-9_]*$' },
};

const labels = { type: 'object', additionalProperties: { type: 'string' } };
const labelled = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['key', 'label', 'kind'],
  properties: { key: { type: 'string' }, label: { type: 'string' }, kind: { type: 'string' }, options: labels, ...extra },
});
const caseTypeView = {
  type: 'object',
  required: ['name', 'label', 'module', 'moduleLabel', 'states', 'listing'],
  properties: {
    name: { type: 'string' },
    label: { type: 'string' },
    module: { type: 'string' },
    moduleLabel: { type: 'string' },
    states: {
      type: 'array',
      items: { type: 'object', required: ['key', 'label', 'final'], properties: { key: { type: 'string' }, label: { type: 'string' }, final: { type: 'boolean' } } },
    },
    listing: {
      type: ['object', 'null'],
      required: ['columns', 'filters', 'search', 'title', 'code'],
      properties: {
        columns: { type: 'array', items: labelled() },
        filters: { type: 'array', items: labelled() },
        search: { type: 'array', items: { type: 'string' } },
        title: { type: 'string' },
        code: { type: ['string', 'null'] },
      },
    },
  },
};

export const caseSchemas = {
  caseTypes: {
    summary: '可办理的案件类型',
    description:
      'The case types of every module the caller holds a role in (administrators: all), so pages can draw their lists and search forms: states, and the listing’s columns (key, label, kind, a choice’s options), filters (a choice filter carries its options: the column’s, or the states for `state`), search columns, title and code. `listing` is null for a type that lists with the platform’s own columns. Staff only.',
    tags: tag,
    response: { 200: { type: 'object', required: ['caseTypes'], properties: { caseTypes: { type: 'array', items: caseTypeView } } } },
  },
  search: {
    summary: '案件查询',
    description:
      'One page of a case type’s cases the caller may see, with the type’s declared columns, state, organ and most urgent running clock. Filters: `state`, `q` (text in the listing’s search columns), `organ` (a unit and its subtree), `received_from`/`received_to`, and the filters the type declares by key (`<key>`, or `<key>_from`/`<key>_to` for a date range). `sort` is a column key, `created`, `updated` or `due`, `-` first for descending. Unknown filters answer CASE_FILTER_UNKNOWN; a registered type is required (CASE_TYPE_UNKNOWN).',
    tags: tag,
    querystring: {
      type: 'object',
      required: ['caseType'],
      additionalProperties: filterValue,
      properties: {
        ...searchProperties,
        page: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
        pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
      },
    },
  },
  todo: {
    summary: '待办案件',
    description:
      'The caller’s work across case types (or one type, or one module’s types): cases not in a final state with a running clock that belongs to a unit the caller acts for in the type’s module. Running clocks first, soonest due first; paused clocks follow. At most 500 items; `total` counts all.',
    tags: tag,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { caseType, module: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' } },
    },
  },
  export: {
    summary: '导出案件清单',
    description: 'The same cases as the search (same filters and order, no paging) as an Excel workbook with Chinese headers. More than 50,000 rows answer CASE_EXPORT_TOO_LARGE.',
    tags: tag,
    querystring: { type: 'object', required: ['caseType'], additionalProperties: filterValue, properties: searchProperties },
  },
  detail: {
    summary: '案件详情',
    description:
      'One case the caller may see: its columns, timeline with Chinese labels, documents, clocks with their status, links to other cases, and the actions the caller may take now, each with its input schema (`x-kind` tells the page how to show a field). A case out of scope answers CASE_NOT_FOUND like an unknown id.',
    tags: tag,
    params: { type: 'object', required: ['caseId'], properties: { caseId } },
  },
  action: {
    summary: '案件办理操作',
    description:
      'Takes one workflow action on any case type; the body is the action’s input (its schema is in the case’s detail). Refusals are the engine’s codes and change nothing; a case the caller may not see answers CASE_NOT_FOUND.',
    tags: tag,
    params: { type: 'object', required: ['caseId', 'action'], properties: { caseId, action: str(40) } },
  },
};
