import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { hotlineCategories } from '../../requests/index.js';
import { knowledgeError } from '../knowledge.errors.js';

/** An entry's category, when given, is one of the hotline's taxonomy. */
export async function assertCategory(tx: Db, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const [found] = await tx.select({ code: hotlineCategories.code }).from(hotlineCategories).where(eq(hotlineCategories.code, code));
  if (!found) throw knowledgeError('KB_CATEGORY_UNKNOWN', { field: 'categoryCode' });
}
