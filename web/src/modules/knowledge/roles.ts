import type { StaffSession } from '../staff/auth-context';
import { opensModule } from '../../platform/web-module';

/** Does the person keep entries (kb.editor for a unit, or kb.publisher)? The server decides for which units. */
export function maintainsKnowledge(session: StaffSession): boolean {
  return (session.user.modules.find((m) => m.name === 'kb')?.roles ?? []).length > 0;
}

/** Does the person read the knowledge base: anyone who works the hotline, and its keepers. */
export function readsKnowledge(session: StaffSession): boolean {
  return opensModule(session, 'kb') || opensModule(session, 'hotline');
}
