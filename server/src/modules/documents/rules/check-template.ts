import { BUILT_IN_PLACEHOLDERS, type DocumentTemplate } from '../template.js';
import { NUMBERING_PLACEHOLDERS } from './numbering.js';
import { placeholdersIn } from './placeholders.js';

const ID = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const KINDS = new Set(['text', 'longtext', 'date', 'choice', 'money', 'person']);

/** What is wrong with a template as declared (empty when nothing): mistakes a module makes once, at start-up. */
export function checkTemplate(t: DocumentTemplate): string[] {
  const problems: string[] = [];
  if (!ID.test(t.id)) problems.push('id must be lower-case words joined by dots, e.g. xzfy.decision');
  if (!t.label.trim()) problems.push('label is empty');
  const inNumbering = placeholdersIn(t.numbering);
  if (!inNumbering.includes('n')) problems.push('numbering has no {n}');
  for (const p of inNumbering) if (!(NUMBERING_PLACEHOLDERS as readonly string[]).includes(p)) problems.push(`numbering: unknown placeholder {${p}}`);
  if (!t.issuedBy.caseType || t.issuedBy.actions.length === 0) problems.push('issuedBy names no case type or no action');
  const names = new Set<string>();
  for (const f of t.fields) {
    if (!FIELD_NAME.test(f.name)) problems.push(`field name ${f.name} is not an identifier`);
    if (names.has(f.name)) problems.push(`field ${f.name} declared twice`);
    if ((BUILT_IN_PLACEHOLDERS as readonly string[]).includes(f.name)) problems.push(`field ${f.name} hides a built-in placeholder`);
    if (!KINDS.has(f.kind)) problems.push(`field ${f.name}: unknown kind ${f.kind}`);
    if (f.kind === 'choice' && !f.options?.length) problems.push(`field ${f.name}: a choice needs options`);
    if (!f.label.trim()) problems.push(`field ${f.name} has no label`);
    names.add(f.name);
  }
  const known = new Set([...names, ...BUILT_IN_PLACEHOLDERS]);
  for (const block of t.body) {
    if (!('text' in block)) continue;
    for (const p of placeholdersIn(block.text)) if (!known.has(p)) problems.push(`body: unknown placeholder {${p}}`);
  }
  if (!t.body.some((b) => b.kind === 'title')) problems.push('body has no title');
  return problems;
}
