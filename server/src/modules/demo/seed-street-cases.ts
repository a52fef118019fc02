import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { performAction } from '../cases/index.js';
import { insertRequests, loadReferenceData, prepareRequest } from '../requests/index.js';
import { generateReplyText, generateRequestText, seededRng } from './request-text.js';

const HOUR = 3600_000;
/** How many street cases the demo adds beside its random history. */
export const DEMO_STREET_CASES = 8;
/** How far each street case has come: at the grid unsigned, the grid at work, answered to the township, answered to the center. */
const STAGES = ['sent_on', 'grid_working', 'grid_answered', 'lead_replied'] as const;
const PROBLEM_TYPES = new Set(['投诉', '求助', '举报']);
const GRID_ANSWERS = [
  '网格员已到现场核实，情况属实，已向诉求人说明处理进度。',
  '网格员入户走访，已与诉求人和相关住户沟通，现场已初步处理，需街道协调后续事项。',
  '经网格员现场查看，问题位置已拍照登记，已联系物业和社区共同处理。',
];

export interface StreetCasesInput {
  centerId: number;
  township: { code: string; name: string; unitId: number };
  village: { code: string; name: string };
  gridIds: number[];
  actors: Map<string, Actor>;
  now: Date;
  count?: number;
}

/**
 * Requests of the street township's own matters that it sent on to its grids (下派), at every stage,
 * dated in the days before `now`: so the grid workers' accounts open on work of their own. The
 * random history around them sends few such requests there.
 */
export async function seedStreetCases(database: Database, input: StreetCasesInput): Promise<number> {
  const rng = seededRng(20260301);
  const reference = await loadReferenceData(database.db);
  // The township's own matters: leaves no department usually owns.
  const leaves = [...reference.categories.values()].filter((c) => c.level === 3 && c.defaultUnitId === null);
  const operator = input.actors.get(`${input.centerId}:operator`)!;
  const dispatcher = input.actors.get(`${input.centerId}:dispatcher`)!;
  const town = input.actors.get(`${input.township.unitId}:handler`)!;
  const count = Math.min(input.count ?? DEMO_STREET_CASES, leaves.length);
  for (let i = 0; i < count; i++) {
    const leaf = leaves[Math.floor(rng() * leaves.length)]!;
    const level1 = reference.categories.get(reference.categories.get(leaf.parentCode ?? '')?.parentCode ?? '');
    const textInput = { categoryCode: leaf.code, categoryName: leaf.name, level1Name: level1?.name ?? '', townshipName: input.township.name, villageName: input.village.name };
    // A problem to look at on the spot, not a question or a word of thanks.
    let text = generateRequestText(rng, textInput);
    for (let tries = 0; tries < 20 && !PROBLEM_TYPES.has(text.type); tries++) text = generateRequestText(rng, textInput);
    const gridId = input.gridIds[i % input.gridIds.length]!;
    const grid = input.actors.get(`${gridId}:handler`)!;
    const stage = STAGES[i % STAGES.length]!;
    const prepared = await prepareRequest(
      { content: text.content, title: text.title, townshipCode: input.township.code, villageCode: input.village.code, channel: 'phone', requestType: PROBLEM_TYPES.has(text.type) ? text.type : '求助', categoryCode: leaf.code },
      reference,
      operator,
    );
    let at = new Date(input.now.getTime() - (20 + i * 7) * HOUR);
    await database.transaction((tx) => insertRequests(tx, [prepared], at));
    const step = async (action: string, actor: Actor, body: Record<string, unknown>, hours: number) => {
      at = new Date(at.getTime() + hours * HOUR);
      await database.transaction((tx) => performAction(tx, { caseId: prepared.caseId, action, actor, input: body, now: at }));
    };
    await step('dispatch', dispatcher, { unitId: input.township.unitId }, 0.5);
    await step('sign', town, {}, 1);
    await step('dispatch_down', town, { unitIds: [gridId], note: '请网格员到现场核实情况，做好诉求人解释工作并反馈。' }, 0.5);
    if (stage === 'sent_on') continue;
    await step('sign', grid, {}, 1);
    await step('contact', grid, { note: '网格员已电话联系诉求人，约定上门查看。' }, 1);
    if (stage === 'grid_working') continue;
    await step('reply_lead', grid, { reply: GRID_ANSWERS[i % GRID_ANSWERS.length]! }, 3);
    if (stage === 'grid_answered') continue;
    await step('contact', town, { note: '已电话联系诉求人，告知处理进度。' }, 1);
    const reply = generateReplyText(rng, { categoryName: leaf.name, categoryCode: leaf.code, unitName: input.township.name, townshipName: input.township.name, villageName: input.village.name, title: text.title, requestType: text.type, repliedAt: at });
    await step('reply', town, { reply }, 2);
  }
  return count;
}
