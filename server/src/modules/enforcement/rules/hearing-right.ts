import { PENALTY_LAW, yuanToFen, type PartyKind, type Penalty, type PenaltyLaw } from './penalty-law.js';

/**
 * The grounds on which the party may ask for a hearing (art. 63), one sentence each; empty when
 * the intended penalties give no hearing right. 较大数额 comes from the data's hearing amounts,
 * which a province or a sector may set otherwise.
 */
export function hearingRightGrounds(party: PartyKind, penalties: readonly Penalty[], law: PenaltyLaw = PENALTY_LAW): string[] {
  const rule = law.hearingRight;
  const grounds = new Set<string>();
  let fines = 0;
  let confiscated = 0;
  for (const p of penalties) {
    const byKind = rule.kinds[p.kind];
    if (byKind) grounds.add(byKind);
    if (p.kind === 'fine') fines += p.amountFen ?? 0;
    if (p.kind === 'confiscate_gains' || p.kind === 'confiscate_property') confiscated += p.amountFen ?? 0;
  }
  if (fines >= yuanToFen(rule.hearingAmounts.fineYuan[party])) grounds.add(rule.largeFine);
  if (confiscated >= yuanToFen(rule.hearingAmounts.confiscationYuan[party])) grounds.add(rule.largeConfiscation);
  return [...grounds];
}
