import { getRule, noticeDeadline, shanghaiDay } from '../../clock/index.js';
import type { AppError } from '../../../platform/errors/app-error.js';
import type { ActionContext } from '../case-type.js';
import { caseError } from '../cases.errors.js';

/**
 * A precondition for an action that gives notice of an event under a 'before' rule (a hearing
 * notice at least five working days ahead): refused once the latest notice day has passed,
 * with that day in the message, so a hearing cannot be set on too short a notice.
 */
export function noticeInTime<I>(ruleId: string, eventDay: (ctx: ActionContext<I>) => string | undefined) {
  return async (ctx: ActionContext<I>): Promise<AppError | null> => {
    const day = eventDay(ctx);
    if (!day) return null;
    const rule = getRule(ruleId);
    const deadline = noticeDeadline(rule, day);
    if (ctx.now < deadline) return null;
    const latest = shanghaiDay(new Date(deadline.getTime() - 1));
    return caseError(
      'NOTICE_TOO_LATE',
      { rule: ruleId, eventDay: day, latestNoticeDay: latest },
      `通知期限已过：${day} 的事项应不迟于 ${latest} 通知（${rule.law}第${rule.article}条，${rule.n}${rule.unit === 'working' ? '个工作日' : '日'}前）`,
    );
  };
}
