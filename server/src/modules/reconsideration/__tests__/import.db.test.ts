import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { repoPath } from '../../../platform/repo-path.js';
import { verifyAudit } from '../../cases/index.js';
import { runFiguresCommand } from '../../figures/index.js';
import { runReconsiderationCommand } from '../index.js';

// Hainan's published figures (seed 000) loaded through the import as a county would load its
// registers, then counted by `fazhi stats --module xzfy`: 163 corrections of 399 concluded, 41%.
const HAINAN = repoPath('server/src/modules/reconsideration/data/hainan-2019.csv');

for (const backend of testBackends()) {
  describe(`fazhi xzfy import on ${backend.name}`, () => {
    let ctx: TestContext;
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-xzfy-'));
    before(async () => {
      ctx = await createTestContext(backend.url);
    });
    after(async () => ctx?.close());
    const count = async () => Number(((await ctx.database.backend.query('select count(*)::int from xzfy_cases', [], 'array')).rows[0] as [number])[0]);

    test('a bad row is reported with its line and nothing is imported', async () => {
      const lines = readFileSync(HAINAN, 'utf8').split('\n');
      lines[3] = lines[3]!.replace(/,[^,]*$/, ',改判');
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, lines.join('\n'));
      const result = await runReconsiderationCommand(ctx.database, ['import', bad], new Date('2026-12-05T10:00:00+08:00'));
      assert.equal(result.exitCode, 2);
      assert.match(result.output, /第 4 行/);
      assert.match(result.output, /IMPORT_DECISION/);
      assert.equal(await count(), 0);
    });

    test('Hainan since July 2019: 457 received, 399 concluded, 纠错率 163/399 shown as 41%', async () => {
      const result = await runReconsiderationCommand(ctx.database, ['import', HAINAN], new Date('2026-12-05T10:00:00+08:00'));
      assert.equal(result.exitCode, 0, result.output);
      assert.match(result.output, /已导入 457 件复议案件：已审结 399 件，未审结 58 件/);
      assert.match(result.output, /外部机关/, 'Hainan’s departments are not units of the demo county');
      const figures = await runFiguresCommand(ctx.database, ['--module', 'xzfy', '--from', '2019-07-01', '--to', '2020-08-20', '--json'], '2026-12-05');
      const report = JSON.parse(figures.output) as { figures: Array<{ key: string; numerator: number; denominator: number | null; display: string }>; breakdowns: Array<{ key: string; rows: Array<{ label: string; figures: Record<string, { numerator: number }> }> }> };
      const get = (key: string) => report.figures.find((f) => f.key === key)!;
      assert.equal(get('received').numerator, 457);
      assert.equal(get('concluded').numerator, 399);
      assert.deepEqual([get('correctionRate').numerator, get('correctionRate').denominator, get('correctionRate').display], [163, 399, '41%']);
      const byDecision = Object.fromEntries(report.breakdowns.find((b) => b.key === 'byDecision')!.rows.map((r) => [r.label, r.figures.concluded!.numerator]));
      assert.deepEqual([byDecision['撤销'], byDecision['确认违法'], byDecision['被申请人自行纠正'], byDecision['责令答复']], [82, 25, 55, 1]);
      // No clock runs for a past year's case, and every imported case has a whole record.
      assert.equal(Number(((await ctx.database.backend.query(`select count(*)::int from case_clocks k join xzfy_cases x on x.case_id = k.case_id`, [], 'array')).rows[0] as [number])[0]), 0);
      assert.deepEqual((await verifyAudit(ctx.database)).findings, []);
    });
  });
}
