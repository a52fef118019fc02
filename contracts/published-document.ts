/** A final document as the public reads it (persons redacted by the server), shared by the server and its pages. */

/** One block of a rendered document: what the Word writer sets and the page draws. */
export type RenderedBlock =
  | { kind: 'title' | 'number' | 'heading' | 'paragraph'; text: string }
  | { kind: 'signature'; organ: string; date: string };

export interface PublishedDocument {
  documentId: string;
  caseId: string;
  title: string;
  number: string;
  issuedAt: string;
  blocks: RenderedBlock[];
}
