import { readFileSync } from 'node:fs';
import { repoPath } from '../../platform/repo-path.js';

/** The organ's 字号 for case numbers and decisions, from data/numbering.json. */
export const NUMBERING = JSON.parse(readFileSync(repoPath('server/src/modules/reconsideration/data/numbering.json'), 'utf8')) as { caseNumber: string; decisionNumber: string };
