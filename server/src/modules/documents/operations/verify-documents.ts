import type { Database } from '../../../platform/db/database.js';

/**
 * What `fazhi audit verify` finds wrong with a case's files: bytes (or a number) that are not
 * what the chain recorded, a file the chain never recorded (slipped in afterwards), and a file
 * the chain recorded that is gone.
 */
export type DocumentFindingReason =
  | 'attachment_altered' | 'attachment_unrecorded' | 'attachment_missing'
  | 'document_altered' | 'document_unrecorded' | 'document_missing';

export interface DocumentFinding {
  reason: DocumentFindingReason;
  caseId: string;
  /** The event that recorded the file, when there is one. */
  seq?: number;
  detail: string;
}

export interface DocumentsReport {
  attachments: number;
  documents: number;
  findings: DocumentFinding[];
  seconds: number;
}

const PAGE = 1000;

type Kind = 'attachment' | 'document';
type StoredRow = { kind: Kind; id: string; caseId: string; sha256: string; actual: string; number: string | null };
type RecordedRow = { caseId: string; seq: number; attachmentId: string | null; documentId: string | null; sha256: string; number: string | null };

// Wherever in an event a file was recorded (the platform's own events, or the facts an action
// put in its event, at any depth), it is an object with the file's id and its sha256.
const RECORDED = `
  select e.case_id as "caseId", e.seq, x->>'attachmentId' as "attachmentId", x->>'documentId' as "documentId", x->>'sha256' as sha256, x->>'number' as number
    from case_events e
    cross join lateral jsonb_path_query(e.payload, 'lax $.** ? (@.sha256.type() == "string" && (exists(@.attachmentId) || exists(@.documentId)))') x
   where e.case_id = any($1::uuid[])`;

// Hashes are computed by the database, so the files' bytes never leave it.
const STORED = `
  select 'attachment' as kind, id, case_id as "caseId", sha256, encode(sha256(bytes), 'hex') as actual, null as number
    from case_attachments where case_id = any($1::uuid[])
  union all
  select 'document', id, case_id, sha256, encode(sha256(bytes), 'hex'), number
    from case_documents where case_id = any($1::uuid[])`;

// Every case, and any case id files still name after their case row went.
const CASE_PAGE = `
  select id from (
    select id from cases where id > $1::uuid
    union select case_id from case_attachments where case_id > $1::uuid
    union select case_id from case_documents where case_id > $1::uuid
  ) ids order by id limit ${PAGE}`;

/**
 * Checks every file of every case against what the case's chain recorded of it, a page of
 * cases at a time. Staged uploads not yet bound to a case belong to no chain and are skipped.
 */
export async function verifyDocuments(database: Database, options: { maxFindings?: number } = {}): Promise<DocumentsReport> {
  const started = process.hrtime.bigint();
  const maxFindings = options.maxFindings ?? 200;
  const findings: DocumentFinding[] = [];
  const report = (f: DocumentFinding) => void (findings.length < maxFindings && findings.push(f));
  const query = async <T>(sql: string, params: unknown[]) => (await database.backend.query(sql, params, 'object')).rows as T[];

  let after = '00000000-0000-0000-0000-000000000000';
  const counts = { attachment: 0, document: 0 };
  for (;;) {
    const ids = (await query<{ id: string }>(CASE_PAGE, [after])).map((r) => r.id);
    if (ids.length === 0) break;
    const [stored, recorded] = await Promise.all([query<StoredRow>(STORED, [ids]), query<RecordedRow>(RECORDED, [ids])]);
    const byId = new Map<string, RecordedRow[]>();
    for (const r of recorded) {
      const id = r.attachmentId ?? r.documentId!;
      byId.set(id, [...(byId.get(id) ?? []), r]);
    }
    const seen = new Set<string>();
    for (const row of stored) {
      counts[row.kind]++;
      seen.add(row.id);
      const records = (byId.get(row.id) ?? []).filter((r) => r.caseId === row.caseId);
      const first = records[0];
      if (!first) {
        report({ reason: `${row.kind}_unrecorded`, caseId: row.caseId, detail: `${row.kind} ${row.id}` });
        continue;
      }
      const wrongBytes = records.some((r) => r.sha256 !== row.actual || r.sha256 !== row.sha256);
      const wrongNumber = row.kind === 'document' && records.some((r) => r.number !== null && r.number !== row.number);
      if (wrongBytes || wrongNumber) {
        report({ reason: `${row.kind}_altered`, caseId: row.caseId, seq: first.seq, detail: `${row.kind} ${row.id}: ${wrongBytes ? `bytes hash to ${row.actual.slice(0, 12)}…, recorded ${first.sha256.slice(0, 12)}…` : `number ${row.number ?? '(none)'} ≠ recorded`}` });
      }
    }
    for (const r of recorded) {
      const id = r.attachmentId ?? r.documentId!;
      if (seen.has(id)) continue;
      seen.add(id);
      const kind: Kind = r.attachmentId ? 'attachment' : 'document';
      report({ reason: `${kind}_missing`, caseId: r.caseId, seq: r.seq, detail: `${kind} ${id}` });
    }
    after = ids[ids.length - 1]!;
    if (ids.length < PAGE) break;
  }
  return { attachments: counts.attachment, documents: counts.document, findings, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
