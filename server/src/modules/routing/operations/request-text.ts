import type { hotlineRequests } from '../../requests/index.js';

export type RequestRow = typeof hotlineRequests.$inferSelect;

/** What the citizen wrote: the title (if any) and the content, as one text. */
export function requestText(r: Pick<RequestRow, 'title' | 'content'>): string {
  return r.title ? `${r.title}\n${r.content}` : r.content;
}
