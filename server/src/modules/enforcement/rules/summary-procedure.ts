import { PENALTY_LAW, yuanToFen, type PartyKind, type Penalty, type PenaltyLaw } from './penalty-law.js';

export type SummaryVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * 当场处罚 (art. 51): only a warning, or a fine up to 200 yuan for a citizen and 3,000 for an
 * organisation; anything more, or any other penalty, goes the general way.
 */
export function summaryProcedureVerdict(party: PartyKind, penalties: readonly Penalty[], law: PenaltyLaw = PENALTY_LAW): SummaryVerdict {
  const rule = law.summaryProcedure;
  if (!penalties.length) return { allowed: false, reason: '未选择处罚种类' };
  const max = yuanToFen(rule.maxFineYuan[party]);
  for (const p of penalties) {
    if (p.kind === 'fine') {
      if (p.amountFen === undefined || p.amountFen <= 0) return { allowed: false, reason: '罚款须写明数额' };
      if (p.amountFen > max) {
        return { allowed: false, reason: `当场处罚的罚款不得超过${rule.maxFineYuan[party]}元（${rule.article}条），应适用普通程序` };
      }
    } else if (!rule.otherPenaltiesAllowed.includes(p.kind)) {
      return { allowed: false, reason: `当场处罚只能给予警告或者小额罚款，「${law.penaltyKinds.kinds[p.kind]}」应适用普通程序（${rule.article}条）` };
    }
  }
  return { allowed: true };
}
