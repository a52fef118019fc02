const str = (max: number) => ({ type: 'string', maxLength: max });
const tags = ['Open311'];
const format = { type: 'string', enum: ['json', 'xml'] };
const jurisdiction = { jurisdiction_id: str(64) };
const params = (extra: Record<string, unknown> = {}) => ({ type: 'object', required: ['format', ...Object.keys(extra)], properties: { ...extra, format } });
const onlyJurisdiction = { type: 'object', properties: jurisdiction };

/** The GeoReport v2 routes as the API reference lists them. Unknown parameters are ignored, as the specification's clients expect. */
export const open311Schemas = {
  discovery: {
    summary: 'Open311 服务发现',
    description: 'The service discovery document (wiki.open311.org/Service_Discovery): where the GeoReport v2 endpoint is, its formats, how to get a key.',
    tags,
    params: params(),
  },
  services: {
    summary: 'Open311 诉求类别列表',
    description: 'GET Service List: every category of the taxonomy as a service (its code, name, path, level-1 group), plus 00 for requests the hotline classifies. jurisdiction_id is optional; when given it must be the county’s division code.',
    tags,
    params: params(),
    querystring: onlyJurisdiction,
  },
  serviceDefinition: {
    summary: 'Open311 诉求类别定义',
    description: 'GET Service Definition: no category has attributes, so the list is empty; an unknown code answers 404.',
    tags,
    params: params({ service_code: str(32) }),
    querystring: onlyJurisdiction,
  },
  submit: {
    summary: 'Open311 提交诉求',
    description: 'POST Service Request (application/x-www-form-urlencoded): a citizen’s request through another system, with that system’s api_key. Answers the new request’s service_request_id at once (realtime); service_notice carries the requester’s tracking code and rating key, shown this once.',
    tags,
    consumes: ['application/x-www-form-urlencoded'],
    params: params(),
    querystring: onlyJurisdiction,
    body: {
      type: 'object',
      // Checked before the schema: a request without it is refused 403, as the specification says.
      required: ['api_key'],
      properties: {
        api_key: str(64),
        ...jurisdiction,
        service_code: str(32),
        lat: str(32),
        long: str(32),
        address_string: str(200),
        address_id: str(32),
        email: str(254),
        device_id: str(200),
        account_id: str(200),
        first_name: str(50),
        last_name: str(50),
        phone: str(30),
        description: str(20000),
        media_url: str(2000),
      },
    },
  },
  requests: {
    summary: 'Open311 诉求列表',
    description: 'GET Service Requests: by service_request_id (comma-separated, overrides the rest), or by service_code, status (open, closed) and start_date/end_date (W3C date-times, at most 90 days; the last 90 days by default); newest first, at most 1000. No requester’s name, phone, e-mail or device is shown.',
    tags,
    params: params(),
    querystring: {
      type: 'object',
      properties: { ...jurisdiction, service_request_id: str(40_000), service_code: str(2000), start_date: str(40), end_date: str(40), status: str(40) },
    },
  },
  request: {
    summary: 'Open311 诉求详情',
    description: 'GET Service Request: one request, as in the list.',
    tags,
    params: params({ service_request_id: str(64) }),
    querystring: onlyJurisdiction,
  },
  token: {
    summary: 'Open311 令牌查询',
    description: 'GET service_request_id from a token: every service is realtime, so no token is ever issued and every token answers 404.',
    tags,
    params: params({ token: str(64) }),
    querystring: onlyJurisdiction,
  },
};

const adminTags = ['Open311接口密钥'];

export const open311AdminSchemas = {
  list: { summary: 'Open311 接口密钥列表', description: 'Every key issued, revoked ones too, without the keys themselves (administrators of the whole tree).', tags: adminTags },
  create: {
    summary: '签发 Open311 接口密钥',
    description: 'Issues a key for a client system; the key is in this answer only (the platform keeps a keyed hash). Recorded in the security log.',
    tags: adminTags,
    body: { type: 'object', required: ['clientName'], additionalProperties: false, properties: { clientName: { type: 'string', minLength: 1, maxLength: 50 } } },
  },
  revoke: {
    summary: '吊销 Open311 接口密钥',
    description: 'The key stops working at once. Recorded in the security log.',
    tags: adminTags,
    params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } } },
  },
};
