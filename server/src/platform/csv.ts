// RFC 4180 CSV: quoted fields may hold commas, CR/LF and doubled quotes; a UTF-8 BOM is skipped;
// rows end with LF or CRLF; a trailing newline does not add an empty row.
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).rows.map((row) => row.fields);
}

/** One CSV record and the line of the file it starts on (1-based, as an editor numbers lines). */
export interface CsvLine {
  line: number;
  fields: string[];
}

/**
 * parseCsv with line numbers, for importers that report problems by line: a record whose quoted
 * field holds a line break spans several lines and is numbered by its first. `unclosedQuoteLine`
 * is the line where a quote opened that never closed (the rest of the file went into that field).
 */
export function parseCsvLines(text: string): { rows: CsvLine[]; unclosedQuoteLine: number | null } {
  const rows: CsvLine[] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push({ line: rowLine, fields: row });
    row = [];
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        field += c;
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      }
      continue;
    }
    if (c === '"' && !fieldStarted && field === '') {
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      rowLine = ++line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  const unclosedQuoteLine = quoted ? quoteLine : null;
  if (field !== '' || fieldStarted || row.length > 0) endRow();
  return { rows, unclosedQuoteLine };
}

/** Rows as objects keyed by the (trimmed) header names. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r) => Object.fromEntries(names.map((n, j) => [n, r[j] ?? ''])));
}

/** RFC 4180 text: every field quoted (doubled quotes inside), CRLF between rows. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
}
