/**
 * PostgreSQL's COPY text format: tab-separated, \N for null, and backslash, tab, newline and
 * carriage return escaped inside a value.
 */
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export const NULL = '\\N';

export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return NULL;
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** JSON text: JSON.stringify leaves no raw tab or newline, so only a backslash needs a look. */
export function jsonText(json: string): string {
  return json.indexOf('\\') < 0 ? json : text(json);
}

export function int(value: number | null | undefined): string {
  return value === null || value === undefined ? NULL : String(value);
}

export function bool(value: boolean): string {
  return value ? 't' : 'f';
}

const DAY = 86_400_000;
const days = new Map<number, string>();
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** Date.prototype.toISOString's text for epoch milliseconds, with each day's date part made once. */
export function iso(instant: number): string {
  const ms = Math.floor(instant);
  const day = Math.floor(ms / DAY);
  let prefix = days.get(day);
  if (prefix === undefined) days.set(day, (prefix = new Date(day * DAY).toISOString().slice(0, 11)));
  let rest = ms - day * DAY;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  return `${prefix}${TWO[(rest - (rest % 60)) / 60]}:${TWO[rest % 60]}:${TWO[second]}.${THREE[milli]}Z`;
}

/** A timestamp given as epoch milliseconds; PostgreSQL reads the ISO form with its Z. */
export function time(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? NULL : iso(ms);
}

/** The tables the generator writes, with the columns in the order its rows give them. */
export const COPY_COLUMNS = {
  cases: ['id', 'case_type', 'state', 'organ_unit_id', 'owner_unit_id', 'region_code', 'last_seq', 'last_hash', 'created_at', 'updated_at'],
  case_events: ['case_id', 'seq', 'type', 'at', 'actor_user_id', 'actor_unit_id', 'actor_role', 'payload', 'prev_hash', 'hash', 'mac'],
  case_personal_data: ['case_id', 'seq', 'field', 'value', 'salt'],
  case_clocks: ['id', 'case_id', 'name', 'rule_id', 'subject_id', 'unit_id', 'started_at', 'due_at', 'extended', 'paused_at', 'stopped_at', 'urge_level', 'next_urge_at'],
  hotline_requests: [
    'case_id', 'tracking_code', 'channel', 'request_type', 'category_code', 'urgency', 'title', 'content', 'requester_name', 'requester_phone',
    'township_code', 'village_code', 'address', 'received_at', 'recorded_by', 'reply_text', 'replied_at', 'replied_by_unit_id', 'closed_at',
    'due_at', 'rule_id', 'caller_key', 'topic_key', 'merged_into', 'lead_dispatches', 'first_lead_unit_id', 'reopened',
  ],
  hotline_dispatches: [
    'id', 'case_id', 'unit_id', 'role', 'status', 'dispatched_at', 'response_due_at', 'due_at', 'signed_at', 'contacted_at', 'returned_at',
    'return_reason', 'replied_at', 'extension_requested_days', 'extension_reason', 'extended', 'response_lapsed', 'handling_lapsed',
  ],
  hotline_evaluations: [
    'id', 'case_id', 'source', 'at', 'resolved', 'satisfaction', 'comment', 'unit_id', 'rectification_due_at', 'rectified_at', 'rectification_lapsed',
  ],
} as const;

export type CopyTable = keyof typeof COPY_COLUMNS;
export const COPY_TABLES = Object.keys(COPY_COLUMNS) as CopyTable[];

/**
 * One table's COPY text of a batch, written as UTF-8 straight away: rows kept as strings
 * until the batch ends would outlive the young generation and make the collector the
 * generator's busiest part.
 */
export class CopySink {
  private buffer = Buffer.allocUnsafeSlow(1 << 20);
  private length = 0;
  // Lines are gathered a few kilobytes at a time: one write per line costs more than the line.
  private pending = '';
  rows = 0;

  write(line: string): void {
    this.pending += line;
    this.rows++;
    if (this.pending.length > 16_384) this.flush();
  }

  private flush(): void {
    const text = this.pending;
    this.pending = '';
    if (this.length + text.length * 3 > this.buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** The bytes written, on a buffer of their own (transferable to another thread). */
  bytes(): Uint8Array {
    this.flush();
    return this.buffer.subarray(0, this.length);
  }
}

export type CopyRows = Record<CopyTable, CopySink>;

export function emptyRows(): CopyRows {
  return {
    cases: new CopySink(), case_events: new CopySink(), case_personal_data: new CopySink(), case_clocks: new CopySink(),
    hotline_requests: new CopySink(), hotline_dispatches: new CopySink(), hotline_evaluations: new CopySink(),
  };
}

export function copyStatement(table: CopyTable, freeze: boolean): string {
  return `COPY ${table} (${COPY_COLUMNS[table].join(', ')}) FROM STDIN${freeze ? ' WITH (FREEZE)' : ''}`;
}
