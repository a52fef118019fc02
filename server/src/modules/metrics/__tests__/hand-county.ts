import assert from 'node:assert/strict';
import type { TestContext } from '../../../../test/test-context.js';
import { sweepClocks } from '../../cases/index.js';

export const TOWNSHIP = '371302001';
const LEAF = '011003'; // 物业服务 → housing, rx12345.general: 5 working days
export const at = (iso: string) => new Date(`${iso}+08:00`);

/**
 * The hand-counted county of metrics.http.test.ts (its comment lists every figure of March
 * 2026), for suites that check other views of the same numbers: seven requests, from March
 * 2025 to March 2026; the clock ends at 2026-04-01 10:00 after a sweep.
 */
export async function seedHandCounty(ctx: TestContext): Promise<void> {
  const housing = ctx.org.departmentIds.get('housing')!;
  const town = ctx.org.townshipIds.get(TOWNSHIP)!;
  const townUser = await userOf(ctx, town);
  const { step, newRequest } = handSteps(ctx);
  // The first caller gave a number: the key to rate the answer reaches them by SMS.
  const { caseId: r1, trackingCode: r1Code } = await newRequest('2026-03-02T08:30:00', '13900000001');
  await step('2026-03-02T09:00:00', 'dispatcher', r1, 'dispatch', { unitId: housing });
  await step('2026-03-02T10:00:00', 'housing', r1, 'sign');
  await step('2026-03-02T11:00:00', 'housing', r1, 'contact', { note: '已联系' });
  await step('2026-03-04T10:00:00', 'housing', r1, 'reply', { reply: '已处理' });
  await step('2026-03-05T10:00:00', 'operator', r1, 'follow_up', { resolved: true, satisfaction: 'satisfied' });
  ctx.time.set(at('2026-03-06T10:00:00'));
  const rated = await ctx.app.inject({ method: 'POST', url: `/api/public/requests/${r1Code}/evaluation`, payload: { key: ctx.keySentTo('13900000001'), resolved: true, satisfaction: 'satisfied' } });
  assert.ok(rated.statusCode < 300, rated.body);

  const { caseId: r2 } = await newRequest('2026-03-02T08:40:00');
  await step('2026-03-02T09:00:00', 'dispatcher', r2, 'dispatch', { unitId: housing });
  await step('2026-03-03T10:00:00', 'housing', r2, 'sign');
  await step('2026-03-03T11:00:00', 'housing', r2, 'contact', { note: '已联系' });
  await step('2026-03-12T10:00:00', 'housing', r2, 'reply', { reply: '已处理' });
  await step('2026-03-13T10:00:00', 'operator', r2, 'follow_up', { resolved: false, satisfaction: 'dissatisfied' });
  await step('2026-03-16T10:00:00', 'housing', r2, 'reply', { reply: '已整改' });
  await step('2026-03-17T10:00:00', 'operator', r2, 'follow_up', { resolved: true, satisfaction: 'basically_satisfied' });

  const { caseId: r3 } = await newRequest('2026-03-02T08:50:00');
  await step('2026-03-02T09:00:00', 'dispatcher', r3, 'dispatch', { unitId: housing });
  await step('2026-03-02T12:00:00', 'housing', r3, 'return', { reason: '属地事项' });
  await step('2026-03-02T13:00:00', 'dispatcher', r3, 'redispatch', { unitId: town, reason: '属地' });
  await step('2026-03-02T14:00:00', townUser, r3, 'sign');
  await step('2026-03-02T15:00:00', townUser, r3, 'contact', { note: '已联系' });
  await step('2026-03-05T10:00:00', townUser, r3, 'reply', { reply: '已处理' });
  await step('2026-03-06T10:00:00', 'operator', r3, 'follow_up', { resolved: true, satisfaction: 'basically_satisfied' });

  const { caseId: r4 } = await newRequest('2026-03-16T08:00:00');
  await step('2026-03-16T09:00:00', 'dispatcher', r4, 'dispatch', { unitId: town }); // never signed
  const { caseId: r5 } = await newRequest('2026-03-16T08:10:00');
  await step('2026-03-16T09:10:00', 'operator', r5, 'merge', { parentCaseId: r4 });
  await newRequest('2026-02-10T10:00:00');
  await newRequest('2025-03-10T10:00:00');
  ctx.time.set(at('2026-04-01T10:00:00'));
  await sweepClocks(ctx.database, ctx.time.now());
}

/** Actions through the API at a China-time moment, each expected to succeed. */
export function handSteps(ctx: TestContext) {
  const step = async (when: string, user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) => {
    ctx.time.set(at(when));
    const res = await ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  };
  const newRequest = async (when: string, phone?: string) => {
    ctx.time.set(at(when));
    const res = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: await ctx.as('operator'), payload: { content: '测试诉求', townshipCode: TOWNSHIP, requestType: '投诉', categoryCode: LEAF, ...(phone ? { phone } : {}) } });
    assert.ok(res.statusCode < 300, res.body);
    return res.json() as { caseId: string; trackingCode: string };
  };
  return { step, newRequest };
}

export async function userOf(ctx: TestContext, unitId: number): Promise<string> {
  const rows = await ctx.database.backend.query('select username from users where unit_id = $1', [unitId], 'array');
  return (rows.rows[0] as [string])[0];
}
