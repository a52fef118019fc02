// Distant supervision from the government's replies: the department a reply names says which
// class the message went to. The names and their classes are data (data/reply-departments.json).
import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

export const REPLY_DEPARTMENTS_PATH = 'server/src/modules/routing/data/reply-departments.json';
/** The mapping's key for departments of classes the classifier does not have. */
export const OUTSIDE = 'outside';

export interface ReplyDepartments {
  source: string;
  classes: Record<string, string[]>;
  outside: string[];
}

export function readReplyDepartments(): ReplyDepartments {
  return JSON.parse(readFileSync(repoPath(REPLY_DEPARTMENTS_PATH), 'utf8')) as ReplyDepartments;
}

/**
 * The class of the department the reply names first (`OUTSIDE` for one of another level-1
 * class), or undefined when it names none: many replies only say 我局.
 */
export function replyDepartmentLabel(reply: string, departments: ReplyDepartments): string | undefined {
  let best: string | undefined;
  let at = Infinity;
  const look = (names: readonly string[], label: string) => {
    for (const name of names) {
      const i = reply.indexOf(name);
      if (i >= 0 && i < at) {
        at = i;
        best = label;
      }
    }
  };
  for (const [label, names] of Object.entries(departments.classes)) look(names, label);
  look(departments.outside, OUTSIDE);
  return best;
}
