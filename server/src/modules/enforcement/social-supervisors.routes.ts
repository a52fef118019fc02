import type { FastifyInstance } from 'fastify';
import { ROW_ID } from '../../platform/validation.js';
import type { AppContext } from '../../platform/http/context.js';
import { requireModule } from '../auth/index.js';
import { shanghaiDay } from '../clock/index.js';
import { prepareAttachment, type PreparedAttachment } from '../documents/index.js';
import {
  appointSupervisor, checkCard, dismissSupervisor, fileObservation, listSupervisors, myObservations, withdrawObservation, type CardProof, type ObservationInput, type SupervisorAppointment,
} from './operations/social-supervisors.js';
import { ENFORCEMENT_MODULE } from './operations/register-scope.js';

const tags = ['行政执法'];
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const day = { type: 'string', format: 'date' } as const;
const code = { type: 'string', minLength: 1, maxLength: 20 } as const;
const proof = { code, secret: { type: 'string', minLength: 1, maxLength: 20 } } as const;
/** One photo or document with an observation, at most 5 MB as sent. */
const OBSERVATION_BODY_LIMIT = 8 * 1024 * 1024;

const schemas = {
  appoint: {
    summary: '聘任社会监督员',
    description: 'For the 司法局 (`xzzf.supervisor` for a government): appoints a citizen for that government. Answers the 监督卡 code and the secret once (only its hash is kept).',
    tags,
    body: {
      type: 'object', required: ['name', 'phone', 'workUnit', 'termFrom', 'termTo'], additionalProperties: false,
      properties: { name: text(50), phone: { type: 'string', pattern: '^[0-9+\\- ]{7,20}$' }, workUnit: text(100), termFrom: day, termTo: day },
    },
  },
  list: { summary: '社会监督员名册', description: 'The appointing office’s register, with the full phone; anyone else: 404 XZZF_SUPERVISOR_NOT_FOUND.', tags },
  dismiss: {
    summary: '解聘社会监督员',
    description: 'The card stops acting at once; observations already filed stay open.',
    tags,
    params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ROW_ID } },
    body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: text(1000) } },
  },
  card: {
    summary: '监督卡核验（公众）',
    description: 'Name, work unit, term, appointing office and whether the card is in force; never the phone. Unknown or forged: 404 XZZF_CARD_UNKNOWN.',
    tags,
    params: { type: 'object', required: ['code'], additionalProperties: false, properties: { code } },
  },
  file: {
    summary: '社会监督员提交监督意见（公众）',
    description: 'A citizen’s act: card code and secret, what and whom it concerns, the day and place, the text, and an optional file. Opens an `xzzf_observation` case in the appointing office’s to-do. Staff signed in: 403 STAFF_NOT_CITIZEN; wrong secret: 401 XZZF_CARD_SECRET_WRONG; card out of term or dismissed: 403 XZZF_CARD_NOT_IN_FORCE.',
    tags,
    body: {
      type: 'object', required: ['code', 'secret', 'concerning', 'observedOn', 'place', 'content'], additionalProperties: false,
      properties: {
        ...proof, concerning: text(200), subjectId: ROW_ID, observedOn: day, place: text(200), content: text(5000),
        files: {
          type: 'array', maxItems: 1,
          items: { type: 'object', required: ['name', 'mediaType', 'contentBase64'], additionalProperties: false, properties: { name: text(200), mediaType: text(100), contentBase64: { type: 'string', minLength: 1 } } },
        },
      },
    },
  },
  mine: {
    summary: '社会监督员查看本人监督意见及答复（公众）',
    description: 'Card code and secret (in the body, never the address): the holder’s observations with their state and the office’s answer.',
    tags,
    body: { type: 'object', required: ['code', 'secret'], additionalProperties: false, properties: proof },
  },
  withdraw: {
    summary: '社会监督员撤回监督意见（公众）',
    description: 'Card code and secret, the observation’s case id and a reason: an observation filed with this card and not yet answered is withdrawn. Another card’s: 404 XZZF_OBSERVATION_NOT_FOUND.',
    tags,
    body: {
      type: 'object', required: ['code', 'secret', 'caseId', 'reason'], additionalProperties: false,
      properties: { ...proof, caseId: { type: 'string', format: 'uuid' }, reason: text(1000) },
    },
  },
} as const;

/** 社会监督员's routes: the office's register, the public card check, and the holder's own acts. */
export async function socialSupervisorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const today = () => shanghaiDay(ctx.time.now());
  const citizen = { citizenAct: true, rateLimit: { max: ctx.config.intakeRateLimitPerMinute, timeWindow: '1 minute' } };

  app.post('/api/xzzf/social-supervisors', { schema: schemas.appoint }, async (request, reply) => {
    const actor = requireModule(request, ENFORCEMENT_MODULE);
    const result = await ctx.database.transaction((tx) => appointSupervisor(tx, actor, request.body as SupervisorAppointment, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.get('/api/xzzf/social-supervisors', { schema: schemas.list }, async (request) => ({ items: await listSupervisors(db, requireModule(request, ENFORCEMENT_MODULE), today()) }));

  app.post('/api/xzzf/social-supervisors/:id/dismiss', { schema: schemas.dismiss }, async (request) => {
    const actor = requireModule(request, ENFORCEMENT_MODULE);
    await ctx.database.transaction((tx) => dismissSupervisor(tx, actor, (request.params as { id: number }).id, (request.body as { reason: string }).reason, ctx.time.now()));
    return { ok: true };
  });

  app.get('/api/public/xzzf/supervisor-cards/:code', { schema: schemas.card }, async (request) => checkCard(db, (request.params as { code: string }).code, today()));

  app.post('/api/public/xzzf/observations', { schema: schemas.file, bodyLimit: OBSERVATION_BODY_LIMIT, config: citizen }, async (request, reply) => {
    const { files = [], ...body } = request.body as ObservationInput;
    // A bad file refuses the observation before anything is written.
    const prepared: PreparedAttachment[] = [];
    for (const file of files) prepared.push(await prepareAttachment(file));
    const result = await ctx.database.transaction((tx) => fileObservation(tx, body, prepared, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.post('/api/public/xzzf/observations/withdraw', { schema: schemas.withdraw, config: citizen }, async (request) => {
    const { caseId, reason, ...given } = request.body as CardProof & { caseId: string; reason: string };
    await ctx.database.transaction((tx) => withdrawObservation(tx, given, caseId, reason, ctx.time.now()));
    return { ok: true };
  });

  app.post('/api/public/xzzf/observations/mine', { schema: schemas.mine, config: citizen }, async (request) => myObservations(db, request.body as CardProof, today()));
}
