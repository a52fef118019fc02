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

export function int(value: number | null | undefined): string {
  return value === null || value === undefined ? NULL : String(value);
}

export function bool(value: boolean): string {
  return value ? 't' : 'f';
}

/** A timestamp given as epoch milliseconds; PostgreSQL reads the ISO form with its Z. */
export function time(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? NULL : new Date(ms).toISOString();
}

/** The tables the generator writes, with the columns in the order its rows give them. */
export const COPY_COLUMNS = {
  cases: ['id', 'case_type', 'state', 'owner_unit_id', 'region_code', 'last_seq', 'last_hash', 'created_at', 'updated_at'],
  case_events: ['case_id', 'seq', 'type', 'at', 'actor_user_id', 'actor_unit_id', 'actor_role', 'payload', 'prev_hash', 'hash'],
  case_clocks: ['id', 'case_id', 'name', 'rule_id', 'subject_id', 'unit_id', 'started_at', 'due_at', 'extended', 'paused_at', 'stopped_at', 'urge_level'],
  hotline_requests: [
    'case_id', 'tracking_code', 'channel', 'request_type', 'category_code', 'urgency', 'title', 'content', 'requester_name', 'requester_phone',
    'township_code', 'village_code', 'address', 'received_at', 'recorded_by', 'reply_text', 'replied_at', 'replied_by_unit_id', 'closed_at',
    'due_at', 'rule_id', 'caller_key', 'topic_key', 'merged_into',
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

/** Rows of one batch, each a finished line of COPY text. */
export type CopyRows = Record<CopyTable, string[]>;

export function emptyRows(): CopyRows {
  return { cases: [], case_events: [], case_clocks: [], hotline_requests: [], hotline_dispatches: [], hotline_evaluations: [] };
}

export function copyStatement(table: CopyTable, freeze: boolean): string {
  return `COPY ${table} (${COPY_COLUMNS[table].join(', ')}) FROM STDIN${freeze ? ' WITH (FREEZE)' : ''}`;
}
