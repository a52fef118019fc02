const str = (max: number, min = 0) => ({ type: 'string', minLength: min, maxLength: max });
const tag = ['接诉即办'];

// The content limit is enforced in prepareRequest with its own error code; the
// schema's bound only stops absurd bodies before they are parsed further.
const submitProperties = {
  content: { type: 'string', maxLength: 20000 },
  title: str(100),
  name: str(50),
  phone: str(20),
  townshipCode: { type: 'string', pattern: '^[0-9]{9}$' },
  villageCode: { type: 'string', pattern: '^[0-9]{12}$' },
  address: str(200),
  categoryCode: str(32),
  photo: {
    type: 'object',
    required: ['mimeType', 'dataBase64'],
    additionalProperties: false,
    properties: { mimeType: str(64, 1), dataBase64: { type: 'string', maxLength: 8 * 1024 * 1024 } },
  },
};

/** The list's filters: the query of GET /api/requests, and what a saved view keeps. */
const filterProperties = {
  view: { type: 'string', enum: ['todo', 'all'], default: 'todo' },
  state: str(32, 1),
  q: str(100, 1),
  townshipCode: { type: 'string', pattern: '^[0-9]{9}$' },
  categoryCode: { type: 'string', pattern: '^[0-9]{2,12}$' },
  unitId: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
  clock: { type: 'string', enum: ['green', 'yellow', 'red'] },
  channel: str(32, 1),
  receivedFrom: { type: 'string', format: 'date' },
  receivedTo: { type: 'string', format: 'date' },
};

const pageProperties = {
  page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
};

export const requestSchemas = {
  meta: { summary: '公开参考数据', description: 'Townships, villages, categories, request types and channels for intake forms.', tags: tag },
  publicSubmit: {
    summary: '提交诉求（公众）',
    description: 'Anonymous intake. `townshipCode` may be left out (a consultation has no place) unless the category is a 属地 matter handled by the township of the place (PLACE_REQUIRED). Answers 201 with the tracking code and the requester key only after the request is committed. The key (评价码) is shown this once (and sent by SMS where a phone is given and the county has a gateway): it proves the rating comes from the requester.',
    tags: tag,
    body: { type: 'object', required: ['content'], additionalProperties: false, properties: submitProperties },
    response: { 201: { type: 'object', properties: { trackingCode: { type: 'string' }, requesterKey: { type: 'string' } } } },
  },
  publicView: {
    summary: '查询办理进度（公众）',
    description: 'Progress of one request by its tracking code. Unknown codes answer 404 REQUEST_NOT_FOUND.',
    tags: tag,
    params: { type: 'object', properties: { code: str(40, 1) } },
  },
  publicEvaluate: {
    summary: '评价答复（公众）',
    description: 'The requester rates the answer once per reply: resolved or not, and 满意/基本满意/不满意. `key` is the requester key given at submission; a wrong key answers REQUESTER_KEY_INVALID, and after ten wrong keys the case takes none (REQUESTER_KEY_LOCKED). A signed-in staff member is refused (STAFF_NOT_CITIZEN).',
    tags: tag,
    params: { type: 'object', properties: { code: str(40, 1) } },
    body: {
      type: 'object',
      required: ['key', 'resolved', 'satisfaction'],
      additionalProperties: false,
      properties: {
        key: str(20, 1),
        resolved: { type: 'boolean' },
        satisfaction: { type: 'string', enum: ['satisfied', 'basically_satisfied', 'dissatisfied'] },
        comment: str(2000),
      },
    },
  },
  record: {
    summary: '话务员登记诉求',
    description: 'An operator records a call on behalf of the caller, optionally already classified. The place may be left out as on the public form; a consultation (咨询) never needs one.',
    tags: tag,
    body: {
      type: 'object',
      required: ['content'],
      additionalProperties: false,
      properties: {
        ...submitProperties,
        channel: str(32, 1),
        requestType: { type: 'string', enum: ['咨询', '求助', '投诉', '举报', '建议', '表扬'] },
        urgency: { type: 'string', enum: ['normal', 'urgent'] },
      },
    },
  },
  list: {
    summary: '诉求列表',
    description:
      'To-do list (view=todo) or every request in the caller’s scope (view=all), filtered by state, category (and its subcategories), handling unit (and its subtree), clock colour, channel, township and the days received (China time, inclusive). Scope applies before any filter. Each row names the batch actions (`batchActions`) the caller may take on it now.',
    tags: tag,
    querystring: { type: 'object', additionalProperties: false, properties: { ...filterProperties, ...pageProperties } },
  },
  views: {
    summary: '常用筛选',
    description: 'The caller’s own saved filters of the 12345 lists, by name.',
    tags: tag,
  },
  saveView: {
    summary: '保存常用筛选',
    description: `Keeps the list’s filters under a name, for the caller only (at most 20; names unique per person: VIEW_NAME_TAKEN, VIEW_LIMIT_REACHED).`,
    tags: tag,
    body: {
      type: 'object',
      required: ['name', 'filters'],
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 1, maxLength: 30, pattern: '\\S' }, filters: { type: 'object', additionalProperties: false, properties: filterProperties } },
    },
  },
  deleteView: {
    summary: '删除常用筛选',
    description: 'Deletes one of the caller’s saved filters; another person’s answers VIEW_NOT_FOUND.',
    tags: tag,
    params: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } } },
  },
  batch: {
    summary: '批量签收、批量催办',
    description:
      'Takes one action (sign or urge) on up to 100 requests, each in its own transaction. Answers 200 with one result per request, in the order given: `ok` with the new state, or the stable code and Chinese message the action alone would have answered (a request out of scope: CASE_NOT_FOUND). Never all-or-nothing.',
    tags: tag,
    params: { type: 'object', properties: { action: { type: 'string', enum: ['sign', 'urge'] } } },
    body: {
      type: 'object',
      required: ['caseIds'],
      additionalProperties: false,
      properties: {
        caseIds: { type: 'array', minItems: 1, maxItems: 100, uniqueItems: true, items: { type: 'string', format: 'uuid' } },
        note: str(2000, 1),
      },
    },
  },
  callerHistory: {
    summary: '来电人的历史诉求',
    description: 'For the center while a call is open: how many requests this number made before, and the ten latest the caller may see. The number goes in the body (not the URL, which logs keep) and is matched by its keyed hash.',
    tags: tag,
    body: { type: 'object', required: ['phone'], additionalProperties: false, properties: { phone: str(20, 1) } },
  },
  detail: {
    summary: '诉求详情',
    description: 'Everything about one request the caller may see, with the actions they may take now.',
    tags: tag,
    params: { type: 'object', properties: { caseId: { type: 'string', format: 'uuid' } } },
  },
  attachment: {
    summary: '诉求照片',
    description: 'A photo attached to the request, for staff who may see it.',
    tags: tag,
    params: { type: 'object', properties: { caseId: { type: 'string', format: 'uuid' }, attachmentId: { type: 'string', format: 'uuid' } } },
  },
  action: {
    summary: '办理操作',
    description: 'Takes one workflow action (sign, return, reply, dispatch …). Illegal actions are refused with a stable code and change nothing.',
    tags: tag,
    params: { type: 'object', properties: { caseId: { type: 'string', format: 'uuid' }, action: str(40, 1) } },
  },
};
