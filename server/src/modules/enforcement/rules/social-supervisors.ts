// 社会监督员: the card, whether it is in force, and when an observation's answer is due.
import { clockDueInstant, computeDueDate, getRule, type ClockRule, type ClockTimingOptions } from '../../clock/index.js';
import { codeBelongsTo, inspectionCode, type CodeMac } from './inspections.js';
import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

/** data/observation-rules.json: the answer period, a system default (no statute sets one), with its note. */
export const OBSERVATION_RULES = JSON.parse(readFileSync(repoPath('server/src/modules/enforcement/data/observation-rules.json'), 'utf8')) as { answerWorkingDays: number; note: string; source: string };

/**
 * The 监督卡 code has the shape of 扫码入企's (eight random characters, four check characters
 * MACed over the supervisor's id under a key of its own), so people type it the same way.
 */
export const cardCode = (supervisorId: number, random: Buffer, mac: CodeMac): string => inspectionCode(supervisorId, random, mac);
export const cardBelongsTo = (code: string, supervisorId: number, mac: CodeMac): boolean => codeBelongsTo(code, supervisorId, mac);

export interface CardTerm { status: 'active' | 'dismissed'; termFrom: string; termTo: string }

/** A card acts only while its holder is appointed and within the term, both ends included. */
export const cardInForce = (card: CardTerm, today: string): boolean => card.status === 'active' && card.termFrom <= today && today <= card.termTo;

/** 138****1234: what anyone but the appointing office sees of a phone number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

export const ANSWER_RULE_ID = 'xzzf.observation.answer';

// The system default as a clock rule of its own, never in the statutory catalogue.
const ANSWER_RULE: ClockRule = {
  id: ANSWER_RULE_ID, law: '系统默认', article: '', n: OBSERVATION_RULES.answerWorkingDays, unit: 'working', direction: 'after', minimum: false,
  startsAt: '收到监督意见之日', extension: null, notes: OBSERVATION_RULES.note, scope: 'city', source: OBSERVATION_RULES.source,
};

/** The day an observation received on `receivedOn` must be answered by. */
export const answerDueOn = (receivedOn: string): string => computeDueDate(ANSWER_RULE, receivedOn);

/** The observation type's clock limits: its own default rule, the catalogue for any other. */
export const observationDueAt = (ruleId: string, start: Date, options: ClockTimingOptions): Date =>
  clockDueInstant(ruleId === ANSWER_RULE_ID ? ANSWER_RULE : getRule(ruleId), start, options);
