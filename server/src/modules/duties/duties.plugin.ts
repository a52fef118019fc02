import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireCountyAdmin, requireStaff } from '../auth/index.js';
import { registerUnitMergeStep } from '../orgs/index.js';
import { registerCategorySource } from '../requests/index.js';
import { categoriesForKeyword, loadDutyItems, moveDutiesOfMergedUnit, previewDutyList, replaceDutyList, unitsNamedForCategory, type DutyFile } from './operations/duty-store.js';
import { readDutyFile } from './operations/read-duty-file.js';
import type { DutyList } from './rules/duty-rows.js';

const DUTY_LISTS_AS_CATEGORY_SOURCE = { categoriesForTerm: categoriesForKeyword, unitsForCategory: unitsNamedForCategory };

const listParam = { type: 'string', enum: ['power', 'township'] };
const fileBody = { list: listParam, fileName: { type: 'string', minLength: 1, maxLength: 200 }, dataBase64: { type: 'string', minLength: 1 } };
type FileBody = { list: DutyList; fileName: string; dataBase64: string };

async function uploaded(body: FileBody): Promise<DutyFile> {
  const bytes = Buffer.from(body.dataBase64, 'base64');
  return { fileName: body.fileName, sha256: createHash('sha256').update(bytes).digest('hex'), records: await readDutyFile(body.fileName, bytes) };
}

/** The county's duty lists: read by any staff member, replaced by a county administrator's import after a preview. */
export async function dutiesPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // The hotline's search finds requests by the words the lists file under a category, and its
  // unit pickers put first the units the lists name for the request's category.
  registerCategorySource(DUTY_LISTS_AS_CATEGORY_SOURCE);
  registerUnitMergeStep('duties', (tx, merge) => moveDutiesOfMergedUnit(tx, merge.from.id, merge.into.id));
  app.get(
    '/api/duties',
    { schema: { summary: '权责清单与属地管理事项清单', tags: ['清单'], querystring: { type: 'object', additionalProperties: false, properties: { list: listParam } } } },
    async (request) => {
      requireStaff(request);
      const { list } = request.query as { list?: DutyList };
      return { items: await loadDutyItems(ctx.database.db, list) };
    },
  );

  app.post(
    '/api/duties/import/preview',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        summary: '预览清单导入',
        description: 'What importing the file would change, item by item (added, removed, changed, by code), and a token that confirms exactly this file onto the list now in force. A file with any bad row answers DUTY_IMPORT_INVALID with every problem by row. Nothing is changed.',
        tags: ['清单'],
        body: { type: 'object', required: ['list', 'fileName', 'dataBase64'], additionalProperties: false, properties: fileBody },
      },
    },
    async (request) => {
      requireCountyAdmin(request);
      const body = request.body as FileBody;
      return previewDutyList(ctx.database, body.list, await uploaded(body));
    },
  );

  app.post(
    '/api/duties/import',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        summary: '导入清单',
        description: 'Replaces one whole list from an .xlsx or UTF-8 .csv file (columns in docs/duty-lists.md). With `previewToken`, only the file previewed, onto the list then in force (else DUTY_PREVIEW_STALE). A file with any bad row changes nothing. Logged in the security log.',
        tags: ['清单'],
        body: {
          type: 'object',
          required: ['list', 'fileName', 'dataBase64'],
          additionalProperties: false,
          properties: { ...fileBody, previewToken: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
        },
      },
    },
    async (request) => {
      const actor = requireCountyAdmin(request);
      const body = request.body as FileBody & { previewToken?: string };
      const result = await replaceDutyList(ctx.database, body.list, await uploaded(body), { actorUserId: actor.userId, now: ctx.time.now(), expectedToken: body.previewToken });
      await app.referenceChanged();
      return result;
    },
  );
}
