import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireStaff } from '../auth/index.js';
import { registerCategorySource } from '../requests/index.js';
import { categoriesForKeyword, loadDutyItems, replaceDutyList, unitsNamedForCategory } from './operations/duty-store.js';
import { readDutyFile } from './operations/read-duty-file.js';
import type { DutyList } from './rules/duty-rows.js';

const DUTY_LISTS_AS_CATEGORY_SOURCE = { categoriesForTerm: categoriesForKeyword, unitsForCategory: unitsNamedForCategory };

const listParam = { type: 'string', enum: ['power', 'township'] };

/** The county's duty lists: read by any staff member, replaced by an administrator's import. */
export async function dutiesPlugin(app: FastifyInstance, ctx: AppContext, onChange: () => void): Promise<void> {
  // The hotline's search finds requests by the words the lists file under a category, and its
  // unit pickers put first the units the lists name for the request's category.
  registerCategorySource(DUTY_LISTS_AS_CATEGORY_SOURCE);
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
    '/api/duties/import',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        summary: '导入清单',
        description: 'Replaces one whole list from an .xlsx or UTF-8 .csv file (columns in docs/duty-lists.md). A file with any bad row changes nothing.',
        tags: ['清单'],
        body: {
          type: 'object',
          required: ['list', 'fileName', 'dataBase64'],
          additionalProperties: false,
          properties: { list: listParam, fileName: { type: 'string', minLength: 1, maxLength: 200 }, dataBase64: { type: 'string', minLength: 1 } },
        },
      },
    },
    async (request) => {
      requireStaff(request, ['admin']);
      const body = request.body as { list: DutyList; fileName: string; dataBase64: string };
      const records = await readDutyFile(body.fileName, Buffer.from(body.dataBase64, 'base64'));
      const result = await replaceDutyList(ctx.database, body.list, records);
      onChange();
      return result;
    },
  );
}
