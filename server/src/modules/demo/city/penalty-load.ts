/**
 * 行政处罚 cases at a city's scale (`fazhi demo generate --penalty-cases N`): the registers a
 * city's enforcement stands on (its departments and township teams as 执法主体, their officers and
 * certificates, a few with a gap or a revocation), then every case's life, walked the way the
 * penalty case type walks it (penalty-case-type.ts), cut at today, written with COPY as the
 * hotline generator writes requests: the cases and xzcf_cases rows, their clocks, and their
 * events on a sealed hash chain. Cases stand in every state; some are irregular at the rates a
 * 司法局 finds (filing, decision or publication late, a major decision without legal review, a
 * handler whose certificate had lapsed).
 */
import type { SqlRunner } from '../../../platform/db/connection.js';
import type { Database } from '../../../platform/db/database.js';
import { platformKeyring } from '../../../platform/keyring.js';
import { eventHash, GENESIS_HASH } from '../../cases/index.js';
import { PENALTY_LOAD_TEXT as T } from '../demo.strings.js';
import { CopySink, int, jsonText, text, time } from './copy-text.js';
import { captureIndexes } from './load-indexes.js';
import { Random, UuidSource } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;
const CASE_TYPE = 'xzcf_case';
const BATCH = 20_000;
/** Below this many cases, dropping and rebuilding the indexes costs more than it saves. */
const DROP_INDEXES_FROM = 200_000;

/** The rates of what a case meets, per case (or per case of its kind). */
export const PENALTY_RATES = {
  notFiled: 0.04, transferred: 0.02, summary: 0.14, noPenalty: 0.08,
  hearingRight: 0.2, hearingRequested: 0.3, groundsMarked: 0.08,
  filingLate: 0.02, decisionLate: 0.015, publicationLate: 0.03, reviewSkipped: 0.03,
  unpaid: 0.05, collective: 0.03, officerGap: 0.05, officerRevoked: 0.02, gapHandlerKept: 0.15,
};

const COLUMNS = {
  cases: ['id', 'case_type', 'state', 'organ_unit_id', 'owner_unit_id', 'region_code', 'last_seq', 'last_hash', 'created_at', 'updated_at'],
  xzcf_cases: [
    'case_id', 'subject_id', 'field', 'source', 'summary', 'discovered_on', 'party_kind', 'party_name', 'procedure', 'case_number', 'filed_on', 'officer_ids',
    'penalties', 'fine_fen', 'hearing_right', 'notified_on', 'hearing_requested_on', 'hearing_held_on', 'review_grounds_marked', 'review_passed',
    'reviewer_officer_id', 'reviewed_on', 'collective_required', 'discussed_on', 'outcome', 'no_penalty_ground', 'decision_number', 'decided_on', 'served_on', 'published_on', 'payment_due_on',
    'paid_on', 'enforcement_applied_on', 'closed_on',
  ],
  case_clocks: ['id', 'case_id', 'name', 'rule_id', 'unit_id', 'started_at', 'due_at', 'stopped_at'],
  case_events: ['case_id', 'seq', 'type', 'at', 'actor_user_id', 'actor_unit_id', 'actor_role', 'payload', 'prev_hash', 'hash', 'mac'],
} as const;
type Table = keyof typeof COLUMNS;
const TABLES = Object.keys(COLUMNS) as Table[];

export interface PenaltyLoadOptions {
  cases: number;
  /** The first day (China time) cases are discovered on, YYYY-MM-DD. */
  from: string;
  /** The load's moment: nothing happens after it. */
  now: number;
  seed: number;
  log?: (line: string) => void;
}

export interface PenaltyLoadReport {
  cases: number;
  events: number;
  subjects: number;
  officers: number;
  /** Cases by their state as of `now`. */
  states: Record<string, number>;
  seconds: number;
}

interface Subject {
  id: number;
  unitId: number;
  field: string;
  region: string | null;
  officers: Officer[];
  /** Weight in the draw of cases: departments handle more than township teams. */
  weight: number;
}

interface Officer {
  id: number;
  /** Days (epoch days, China time) the certificates leave uncovered inside the period, [from, to]. */
  gap: [number, number] | null;
}

const dayTexts = new Map<number, string>();
function dayText(day: number): string {
  let t = dayTexts.get(day);
  if (t === undefined) dayTexts.set(day, (t = new Date(day * DAY).toISOString().slice(0, 10)));
  return t;
}
const dayOf = (isoDay: string) => Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY);
/** The end of a day in China (a calendar limit ends there). */
const endOf = (day: number) => (day + 1) * DAY - CHINA_OFFSET;

/** The subjects, officers and certificates of the city, made once and reused by later runs. */
async function ensureRegisters(runner: SqlRunner, random: Random, from: number, today: number, now: number): Promise<Subject[]> {
  const existing = Number(((await runner.query('select count(*) from xzzf_subjects', [], 'array')).rows[0] as [number])[0]);
  const created = new Date(now).toISOString();
  if (existing === 0) {
    const units = (await runner.query(
      `select u.id, u.name, u.kind, u.region_code, g.region_code from units u join units g on g.id = u.parent_id
        where g.kind = 'government' and u.kind in ('department', 'township') order by u.id`, [], 'array')).rows as Array<[number, string, string, string | null, string | null]>;
    const rows: Array<[number, string, string, string, string, string]> = [];
    for (const [id, name, kind, region, governmentRegion] of units) {
      const field = kind === 'township' ? 'urban' : T.fieldsByUnitName.find(([pattern]) => pattern.test(name))?.[1];
      if (!field) continue;
      rows.push([id, kind === 'township' ? T.teamName(name) : name, kind === 'township' ? 'township_team' : 'organ', kind === 'township' ? T.basisTeam : T.basisOrgan,
        JSON.stringify([region ?? governmentRegion ?? '']), JSON.stringify([field])]);
    }
    if (rows.length === 0) return [];
    await runner.query(
      `insert into xzzf_subjects (unit_id, name, kind, basis_text, basis_article, region_codes, fields, created_at, updated_at)
       select u, n, k, b, $7, r::jsonb, f::jsonb, $8, $8 from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(u, n, k, b, r, f)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4]), rows.map((r) => r[5]), T.basisArticle, created], 'array');
    const subjects = (await runner.query(`select id, name, kind, fields from xzzf_subjects order by id`, [], 'array')).rows as Array<[number, string, string, string[]]>;
    const officers: Array<[number, string]> = [];
    for (const [id, name, kind] of subjects) for (let i = 1; i <= (kind === 'township_team' ? 4 : 12); i++) officers.push([id, T.officer(name, i)]);
    await runner.query(`insert into xzzf_officers (subject_id, name, created_at) select s, n, $3 from unnest($1::int[], $2::text[]) as t(s, n)`,
      [officers.map((o) => o[0]), officers.map((o) => o[1]), created], 'array');
    const made = (await runner.query(`select o.id, s.fields from xzzf_officers o join xzzf_subjects s on s.id = o.subject_id order by o.id`, [], 'array')).rows as Array<[number, string[]]>;
    // Five-year certificates around the period; some lapse for two months before the renewal,
    // some are revoked and replaced the next day (in force until the change, so no gap).
    const certs: Array<[number, string, string, string, string, string, string | null]> = [];
    let serial = 0;
    const cert = (officer: number, fields: string[], validFrom: number, validTo: number, status = 'valid', changedAt: string | null = null) =>
      certs.push([officer, `GEN${String(++serial).padStart(9, '0')}`, JSON.stringify(fields), dayText(validFrom), dayText(validTo), status, changedAt]);
    for (const [id, fields] of made) {
      const r = random.next();
      if (r < PENALTY_RATES.officerGap) {
        const gapFrom = from + random.int(Math.max(1, today - from - 60));
        cert(id, fields, from - 3 * 365, gapFrom - 1);
        cert(id, fields, gapFrom + 60, gapFrom + 60 + 5 * 365);
      } else if (r < PENALTY_RATES.officerGap + PENALTY_RATES.officerRevoked) {
        const revoked = from + random.int(Math.max(1, today - from));
        cert(id, fields, from - 2 * 365, from + 3 * 365, 'revoked', new Date((revoked + 1) * DAY - CHINA_OFFSET + 10 * HOUR).toISOString());
        cert(id, fields, revoked + 1, revoked + 1 + 5 * 365);
      } else {
        cert(id, fields, from - random.int(3 * 365), today + 365 + random.int(3 * 365));
      }
    }
    await runner.query(
      `insert into xzzf_certificates (officer_id, number, issuer, fields, valid_from, valid_to, status, status_changed_at)
       select o, n, $8, f::jsonb, vf, vt, s, c::timestamptz from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(o, n, f, vf, vt, s, c)`,
      [...[0, 1, 2, 3, 4, 5, 6].map((i) => certs.map((c) => c[i])), T.issuer], 'array');
  }
  // The registers as they stand (made now or earlier): the gaps are read back from the certificates.
  const subjects = (await runner.query(
    `select s.id, s.unit_id, s.fields->>0, s.region_codes->>0, s.kind from xzzf_subjects s where s.status = 'active' order by s.id`, [], 'array')).rows as Array<[number, number, string, string | null, string]>;
  const certs = (await runner.query(
    `select o.subject_id, o.id, c.valid_from, c.valid_to from xzzf_officers o left join xzzf_certificates c on c.officer_id = o.id order by o.id, c.valid_from`, [], 'array')).rows as Array<[number, number, string | null, string | null]>;
  const bySubject = new Map<number, Subject>(subjects.map(([id, unitId, field, region, kind]) => [id, { id, unitId, field, region, officers: [], weight: kind === 'township_team' ? 1 : 4 }]));
  let last = null as Officer | null;
  let lastTo = -Infinity;
  for (const [subjectId, officerId, validFrom, validTo] of certs) {
    if (last?.id !== officerId) {
      last = { id: officerId, gap: null };
      lastTo = -Infinity;
      bySubject.get(subjectId)?.officers.push(last);
    }
    if (!validFrom || !validTo) continue;
    const [f, t] = [dayOf(validFrom), dayOf(validTo)];
    if (lastTo > -Infinity && f > lastTo + 1 && !last.gap) last.gap = [lastTo + 1, f - 1];
    lastTo = Math.max(lastTo, t);
  }
  return [...bySubject.values()].filter((s) => s.officers.length >= 3);
}

interface Step {
  day: number;
  type: string;
  /** The state after it. */
  state: string;
  payload: Record<string, unknown>;
  row?: Record<string, unknown>;
}

interface PlannedClock {
  name: string;
  rule: string;
  start: number;
  startStep: number;
  due: number;
  /** The step that stops it, or none. */
  stopStep: number | null;
}

/** One case's life from clue to archive (or as far as it goes), planned whole, then cut at `now`. */
class CaseWriter {
  private numbers = new Map<string, number>();
  private readonly uuids: UuidSource;
  private readonly keyring = platformKeyring();
  constructor(private readonly random: Random, seed: number, private readonly today: number, private readonly now: number, private readonly subjects: Subject[]) {
    this.uuids = new UuidSource(random, seed);
    let total = 0;
    this.cumulative = subjects.map((s) => (total += s.weight * s.officers.length));
    this.totalWeight = total;
  }
  private cumulative: number[];
  private totalWeight: number;
  events = 0;
  states: Record<string, number> = {};

  private subject(): Subject {
    const x = this.random.next() * this.totalWeight;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.subjects[lo]!;
  }

  private next(kind: string, subject: Subject, day: number): string {
    const key = `${kind}:${subject.id}:${dayText(day).slice(0, 4)}`;
    const n = (this.numbers.get(key) ?? 0) + 1;
    this.numbers.set(key, n);
    return n.toString();
  }

  /** Two handlers for a decision on this day: one whose certificate had lapsed that day is kept only now and then. */
  private handlers(subject: Subject, day: number): Officer[] {
    const lapsed = (o: Officer) => o.gap !== null && day >= o.gap[0] && day <= o.gap[1];
    const pick = (not?: Officer): Officer => {
      for (let tries = 0; ; tries++) {
        const o = this.random.pick(subject.officers);
        if (o === not) continue;
        if (!lapsed(o) || tries >= 8 || this.random.chance(PENALTY_RATES.gapHandlerKept)) return o;
      }
    };
    const first = pick();
    return [first, pick(first)];
  }

  write(rows: Record<Table, CopySink>, from: number): void {
    const r = this.random;
    const subject = this.subject();
    const caseId = this.uuids.next();
    // Up to yesterday, so even the newest clue was recorded before the load's moment.
    const discovered = from + r.int(this.today - from);
    const field = subject.field;
    const summary = r.pick(T.summaries);
    const party = `${r.pick(T.partyPrefixes)}${r.pick(T.partyPrefixes)}${r.pick(T.parties)}`;
    const source = r.pick(['inspection', 'complaint', 'report', 'transfer', 'hotline']);
    const steps: Step[] = [{ day: discovered, type: 'clue_recorded', state: 'clue', payload: { subjectId: subject.id, field, source, summary, discoveredOn: dayText(discovered), partyKind: 'enterprise', objectId: null } }];
    const clocks: PlannedClock[] = [];
    const add = (days: number, type: string, state: string, row?: Record<string, unknown>, payload: Record<string, unknown> = {}) => {
      steps.push({ day: steps[steps.length - 1]!.day + days, type, state, payload, ...(row ? { row } : {}) });
      return steps.length - 1;
    };
    const at = (i: number) => steps[i]!.day;
    if (field === 'market') clocks.push({ name: 'filing', rule: 'scjg.case.filing', start: discovered * DAY + 4 * HOUR, startStep: 0, due: endOf(discovered + 21), stopStep: null });
    const filingClock = clocks[0];
    const outcome = r.next();
    const rates = PENALTY_RATES;
    if (outcome < rates.notFiled) {
      const i = add(2 + r.int(10), 'decline_filing', 'not_filed', { outcome: 'not_filed', closed_on: true });
      if (filingClock) filingClock.stopStep = i;
    } else if (outcome < rates.notFiled + rates.summary) {
      // 当场处罚: the decision on the spot, paid within days.
      const [a, b] = this.handlers(subject, discovered);
      const decisionNumber = T.decisionNumber(subject.id, dayText(discovered).slice(0, 4), Number(this.next('decision', subject, discovered)));
      const fine = 50 + r.int(150);
      const i = add(0, 'decide_on_spot', 'executing', {
        procedure: 'summary', officer_ids: [a!.id, b!.id], outcome: 'penalty', penalties: [{ kind: 'fine', amountFen: fine * 100 }], fine_fen: fine * 100,
        decision_number: decisionNumber, decided_on: true, served_on: true,
      }, { decisionNumber });
      if (filingClock) filingClock.stopStep = i;
      add(r.int(3), 'record_payment', 'closing', { paid_on: true });
      add(1 + r.int(5), 'close', 'closed', { closed_on: true });
    } else {
      const late = field === 'market' && r.chance(rates.filingLate);
      const handlers = this.handlers(subject, discovered + 40);
      const propose = add(1 + r.int(4), 'propose_filing', 'filing', { officer_ids: handlers.map((o) => o.id) });
      const filed = add(late ? 22 + r.int(25) - (at(propose) - discovered) : 1 + r.int(3), 'approve_filing', 'investigating', { filed_on: true, case_number: 'filing' });
      if (filingClock) filingClock.stopStep = filed;
      const decisionClock: PlannedClock = { name: 'decision', rule: 'xzcf.decision', start: at(filed) * DAY + 4 * HOUR, startStep: filed, due: endOf(at(filed) + 90), stopStep: null };
      clocks.push(decisionClock);
      if (outcome < rates.notFiled + rates.summary + rates.transferred) {
        decisionClock.stopStep = add(5 + r.int(20), 'transfer', 'transferred', { outcome: 'transferred', closed_on: true });
      } else {
        const decisionLate = r.chance(rates.decisionLate);
        // Most decisions fall between three weeks and two months after filing.
        const target = decisionLate ? 91 + r.int(50) : Math.min(85, Math.round(r.logNormal(40, 0.35)));
        if (outcome < rates.notFiled + rates.summary + rates.transferred + rates.noPenalty) {
          const decisionNumber = T.decisionNumber(subject.id, dayText(at(filed) + target).slice(0, 4), Number(this.next('decision', subject, at(filed) + target)));
          decisionClock.stopStep = add(target, 'decide_no_penalty', 'no_penalty', {
            outcome: 'no_penalty', no_penalty_ground: T.noPenaltyGround, decision_number: decisionNumber, decided_on: true, closed_on: true,
          }, { decisionNumber });
        } else {
          const fine = Math.round(r.logNormal(5000, 1.1));
          const hearingRight = r.chance(rates.hearingRight);
          const hearing = hearingRight && r.chance(rates.hearingRequested);
          const marked = r.chance(rates.groundsMarked) ? ['major_interest'] : [];
          const investigation = Math.max(5, Math.round(target * 0.6));
          add(investigation, 'propose_penalty', 'reviewing', { penalties: [{ kind: 'fine', amountFen: fine * 100 }], fine_fen: fine * 100, hearing_right: hearingRight, review_grounds_marked: marked });
          add(1 + r.int(3), 'approve_notice', 'notified', { notified_on: true });
          let hearingDays = 0;
          if (hearing) {
            add(2 + r.int(3), 'request_hearing', 'hearing', { hearing_requested_on: true });
            hearingDays = 8 + r.int(10);
            add(hearingDays, 'hold_hearing', 'notified', { hearing_held_on: true });
            // The decision clock stood still for the hearing: its limit moves by as many days.
            decisionClock.due = endOf(at(filed) + 90 + hearingDays);
          }
          const rest = Math.max(1, at(filed) + target + hearingDays - steps[steps.length - 1]!.day);
          if (hearing || marked.length) {
            if (r.chance(rates.reviewSkipped)) add(Math.max(1, rest - 1), 'skip_legal_review', 'deciding');
            else {
              const reviewer = subject.officers.find((o) => !handlers.includes(o)) ?? handlers[0]!;
              add(1, 'submit_legal_review', 'legal_review');
              add(Math.max(1, rest - 2), 'legal_review', 'deciding', { review_passed: true, reviewer_officer_id: reviewer.id, reviewed_on: true });
            }
          } else add(Math.max(1, rest - 1), 'skip_legal_review', 'deciding');
          // 集体讨论 (art. 57(2)) for the serious ones, a day or two before the decision.
          if (r.chance(rates.collective)) {
            add(0, 'refer_discussion', 'discussing');
            add(1, 'record_discussion', 'deciding', { discussed_on: true });
          }
          const decidedDay = steps[steps.length - 1]!.day + 1;
          const decisionNumber = T.decisionNumber(subject.id, dayText(decidedDay).slice(0, 4), Number(this.next('decision', subject, decidedDay)));
          const decided = add(1, 'decide', 'decided', { outcome: 'penalty', decision_number: decisionNumber, decided_on: true }, { decisionNumber });
          decisionClock.stopStep = decided;
          const publication: PlannedClock = { name: 'publication', rule: 'xzcf.publication', start: at(decided) * DAY + 4 * HOUR, startStep: decided, due: endOf(at(decided) + 9), stopStep: null };
          clocks.push(publication);
          const served = add(1 + r.int(4), 'serve', 'executing', { served_on: true, payment_due_on: 15 });
          const payment: PlannedClock = { name: 'payment', rule: 'xzcf.payment', start: at(served) * DAY + 4 * HOUR, startStep: served, due: endOf(at(served) + 15), stopStep: null };
          clocks.push(payment);
          const publishIn = r.chance(rates.publicationLate) ? 10 + r.int(30) : 1 + r.int(6);
          // Publication is its own step in the record, whatever the case's state then.
          const publishDay = at(decided) + publishIn;
          if (r.chance(rates.unpaid)) {
            // 申请强制执行 stops the payment clock; the court's enforcement takes months more.
            payment.stopStep = add(90 + r.int(30), 'apply_enforcement', 'enforcing', { enforcement_applied_on: true });
            add(60 + r.int(120), 'close', 'closed', { closed_on: true });
          } else {
            payment.stopStep = add(2 + r.int(13), 'record_payment', 'closing', { paid_on: true });
            add(5 + r.int(20), 'close', 'closed', { closed_on: true });
          }
          const published = steps.findIndex((s, i) => i > decided && s.day > publishDay);
          const insertAt = published < 0 ? steps.length : published;
          steps.splice(insertAt, 0, { day: publishDay, type: 'publish', state: '', payload: {}, row: { published_on: true } });
          publication.stopStep = insertAt;
          // Steps after the insertion moved by one.
          if (payment.stopStep !== null && payment.stopStep >= insertAt) payment.stopStep++;
        }
      }
    }
    this.emit(rows, caseId, subject, steps, clocks, summary, party, source, discovered, field);
  }

  private emit(rows: Record<Table, CopySink>, caseId: string, subject: Subject, steps: Step[], clocks: PlannedClock[], summary: string, party: string, source: string, discovered: number, field: string) {
    // Each step's moment: office hours of its day, a few minutes after the step before.
    const moments: number[] = [];
    let happened = 0;
    for (const [i, s] of steps.entries()) {
      const m = Math.max(s.day * DAY + 1 * HOUR + this.random.int(6 * HOUR), (moments[i - 1] ?? 0) + 60_000);
      if (m > this.now) break;
      moments.push(m);
      happened++;
    }
    const row: Record<string, unknown> = {};
    let state = 'clue';
    let prev = GENESIS_HASH;
    for (let i = 0; i < happened; i++) {
      const s = steps[i]!;
      // An action's event names the states on either side, as the engine writes it (the audit replays them).
      const fromState = state;
      if (s.state) state = s.state;
      const payload = i === 0 ? s.payload : { fromState, input: {}, toState: state, ...(Object.keys(s.payload).length ? { facts: s.payload } : {}) };
      for (const [k, v] of Object.entries(s.row ?? {})) {
        if (v === true && k.endsWith('_on')) row[k] = dayText(s.day);
        else if (k === 'payment_due_on') row[k] = dayText(s.day + (v as number));
        else if (k === 'case_number') row[k] = T.caseNumber(subject.id, dayText(s.day).slice(0, 4), Number(this.next('case', subject, s.day)));
        else row[k] = v;
      }
      const at = new Date(moments[i]!);
      const hash = eventHash(prev, { caseId, seq: i + 1, type: s.type, at, actorUserId: null, actorUnitId: subject.unitId, actorRole: 'staff', payload });
      rows.case_events.write(`${caseId}\t${i + 1}\t${s.type}\t${at.toISOString()}\t\\N\t${subject.unitId}\tstaff\t${jsonText(JSON.stringify(payload))}\t${prev}\t${hash}\t${this.keyring.mac('audit.event', hash)}\n`);
      prev = hash;
    }
    this.events += happened;
    this.states[state] = (this.states[state] ?? 0) + 1;
    const created = moments[0]!;
    rows.cases.write(`${caseId}\t${CASE_TYPE}\t${state}\t${subject.unitId}\t${subject.unitId}\t${text(subject.region)}\t${happened}\t${prev}\t${time(created)}\t${time(moments[happened - 1]!)}\n`);
    const j = (v: unknown) => (v === undefined ? '\\N' : jsonText(JSON.stringify(v)));
    const t = (k: string) => text(row[k] as string | undefined);
    rows.xzcf_cases.write([
      caseId, subject.id, field, source, text(summary), dayText(discovered), 'enterprise', text(party), row.procedure ?? 'general', t('case_number'), t('filed_on'),
      j(row.officer_ids ?? []), j(row.penalties ?? []), int((row.fine_fen as number | undefined) ?? 0), row.hearing_right ? 't' : 'f', t('notified_on'),
      t('hearing_requested_on'), t('hearing_held_on'), j(row.review_grounds_marked ?? []), row.review_passed === undefined ? '\\N' : 't',
      int(row.reviewer_officer_id as number | undefined), t('reviewed_on'), row.discussed_on ? 't' : 'f', t('discussed_on'), t('outcome'), t('no_penalty_ground'), t('decision_number'), t('decided_on'), t('served_on'),
      t('published_on'), t('payment_due_on'), t('paid_on'), t('enforcement_applied_on'), t('closed_on'),
    ].join('\t') + '\n');
    for (const c of clocks) {
      if (c.startStep >= happened) continue;
      const stopped = c.stopStep !== null && c.stopStep < happened ? moments[c.stopStep]! : null;
      rows.case_clocks.write(`${this.uuids.next()}\t${caseId}\t${c.name}\t${c.rule}\t${subject.unitId}\t${time(c.start)}\t${time(c.due)}\t${time(stopped)}\n`);
    }
  }
}

/** Writes the cases; on a fresh load of many, with the tables' indexes dropped and rebuilt around it. */
export async function loadPenaltyCases(database: Database, options: PenaltyLoadOptions): Promise<PenaltyLoadReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const random = new Random(options.seed ^ 0x7a3c_1f05);
  const from = dayOf(options.from);
  const today = Math.floor((options.now + CHINA_OFFSET) / DAY);
  const existing = Number(((await database.backend.query(`select count(*) from xzcf_cases`, [], 'array')).rows[0] as [number])[0]);
  const fresh = Number(((await database.backend.query(`select count(*) from cases`, [], 'array')).rows[0] as [number])[0]) === 0;
  const report = await database.backend.inTransaction(async (runner) => {
    const subjects = await ensureRegisters(runner, random, from, today, options.now);
    if (subjects.length === 0) {
      log(T.noSubjects);
      return null;
    }
    log(T.registers(subjects.length, subjects.reduce((n, s) => n + s.officers.length, 0)));
    log(T.plan(options.cases, options.from, dayText(today)));
    const superuser = ((await runner.query('select rolsuper from pg_roles where rolname = current_user', [], 'array')).rows[0] as [boolean] | undefined)?.[0] === true;
    if (superuser && database.kind === 'postgres') await runner.exec('SET LOCAL session_replication_role = replica');
    const indexes = fresh && options.cases >= DROP_INDEXES_FROM ? await captureIndexes(runner, TABLES) : null;
    for (const statement of indexes?.drop ?? []) await runner.exec(statement);
    // A second run with the same seed must not repeat the first run's ids.
    const writer = new CaseWriter(random, (options.seed + existing) >>> 0, today, options.now, subjects);
    let copying: Promise<void> = Promise.resolve();
    let lastLog = performance.now();
    for (let done = 0; done < options.cases; ) {
      const rows = Object.fromEntries(TABLES.map((t) => [t, new CopySink()])) as Record<Table, CopySink>;
      const n = Math.min(BATCH, options.cases - done);
      for (let i = 0; i < n; i++) writer.write(rows, from);
      done += n;
      // The next batch is made while this one is copied.
      await copying;
      copying = (async () => {
        for (const table of TABLES) await runner.copyFrom(`COPY ${table} (${COLUMNS[table].join(', ')}) FROM STDIN`, [rows[table].bytes()]);
      })();
      if (performance.now() - lastLog > 5000 || done === options.cases) {
        lastLog = performance.now();
        log(T.progress(done, options.cases, writer.events, (lastLog - started) / 1000));
      }
    }
    await copying;
    if (indexes) {
      if (database.kind === 'postgres') await runner.exec(`SET LOCAL maintenance_work_mem = '1GB'`);
      for (const statement of indexes.create) await runner.exec(statement);
    }
    return { cases: options.cases, events: writer.events, subjects: subjects.length, officers: subjects.reduce((n, s) => n + s.officers.length, 0), states: writer.states };
  });
  await database.backend.exec(`VACUUM (ANALYZE) ${[...TABLES, 'xzzf_officers', 'xzzf_certificates', 'xzzf_subjects'].join(', ')}`);
  const seconds = (performance.now() - started) / 1000;
  if (report) log(T.done(report.cases, report.events, seconds));
  return { ...(report ?? { cases: 0, events: 0, subjects: 0, officers: 0, states: {} }), seconds };
}
