import { FIGURE_KEYS } from '../../../contracts/metrics.js';
import type { TestContext } from '../test-context.js';
import { plainImage } from '../test-images.js';

const TOWNSHIP = '371302001';
const LEAF = '011003'; // 物业服务 → housing
/** A small real photo (base64): the photo check decodes what it is sent. */
export const tinyPng = async () => (await plainImage('png', 8, 8)).toString('base64');

/**
 * 12345 requests in every state, twice over (a fuzz that succeeds moves some on), so that
 * action routes reach real cases: received, dispatched, handling, extension asked, returned,
 * replied, rectifying, closed, merged, and one dispatched to a township; and the public
 * statistics published, so that their route answers more than "unpublished". Returns the
 * requesters' keys, so ratings can be tried with real ones.
 */
export async function seedRequestsInEveryState(ctx: TestContext): Promise<{ requesterKeys: string[] }> {
  const keys: string[] = [];
  const housing = ctx.org.departmentIds.get('housing')!;
  const town = [...ctx.org.townshipIds.values()][0]!;
  const headers = new Map<string, Record<string, string>>();
  const as = async (user: string) => headers.get(user) ?? headers.set(user, await ctx.as(user)).get(user)!;
  const ok = <R extends { statusCode: number; body: string }>(what: string, res: R): R => {
    if (res.statusCode >= 300) throw new Error(`seeding: ${what} answered ${res.statusCode} ${res.body}`);
    return res;
  };
  const submit = async (content: string, photo = false) => {
    const payload = { content, townshipCode: TOWNSHIP, name: '张三', phone: '13812345678', ...(photo ? { photo: { mimeType: 'image/png', dataBase64: await tinyPng() } } : {}) };
    const { trackingCode, requesterKey } = ok('submit', await ctx.app.inject({ method: 'POST', url: '/api/public/requests', payload })).json();
    const [caseId] = (await ctx.database.backend.query('select case_id from hotline_requests where tracking_code = $1', [trackingCode], 'array')).rows[0] as [string];
    keys.push(requesterKey);
    return { caseId, trackingCode: trackingCode as string, key: requesterKey as string };
  };
  const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) =>
    ok(`${user} ${action}`, await ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await as(user), payload }));
  const evaluate = async (request: { trackingCode: string; key: string }, satisfaction: string) =>
    ok('evaluate', await ctx.app.inject({ method: 'POST', url: `/api/public/requests/${request.trackingCode}/evaluation`, payload: { key: request.key, resolved: satisfaction !== 'dissatisfied', satisfaction } }));

  const dispatched = async (unitId = housing) => {
    const r = await submit('小区电梯坏了一周，物业一直不修，老人上下楼很困难。', true);
    await act('operator', r.caseId, 'dispatch', { unitId, requestType: '投诉', categoryCode: LEAF, urgency: 'normal' });
    return r;
  };
  const handling = async () => {
    const r = await dispatched();
    await act('housing', r.caseId, 'sign');
    await act('housing', r.caseId, 'contact', { note: '已电话联系诉求人' });
    return r;
  };
  const replied = async () => {
    const r = await handling();
    await act('housing', r.caseId, 'reply', { reply: '已督促物业维修，电梯已恢复运行。' });
    return r;
  };

  for (let i = 0; i < 2; i++) {
    const parent = await submit('路灯不亮，晚上出行不便。');
    const child = await submit('同一路段路灯不亮。');
    await act('dispatcher', child.caseId, 'merge', { parentCaseId: parent.caseId });
    await dispatched();
    await dispatched(town);
    const asked = await handling();
    await act('housing', asked.caseId, 'request_extension', { reason: '需要更换主板' });
    const returned = await dispatched();
    await act('housing', returned.caseId, 'return', { reason: '属于属地管理事项' });
    await replied();
    await evaluate(await replied(), 'dissatisfied');
    const closed = await replied();
    await act('operator', closed.caseId, 'follow_up', { resolved: true, satisfaction: 'satisfied', comment: '满意' });
  }
  const settings = { published: true, figures: FIGURE_KEYS, showVolume: true, showCategories: true, showTrend: true };
  ok('publish', await ctx.app.inject({ method: 'PUT', url: '/api/stats/public-settings', headers: await as('admin'), payload: settings }));
  return { requesterKeys: keys };
}
