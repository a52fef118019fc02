import type { PublishedDocument, RenderedBlock } from '../../../../contracts/published-document';

const paper = { fontFamily: "'FangSong', 'STFangsong', 'Noto Serif CJK SC', serif", fontSize: 16, lineHeight: 1.9, color: '#1f1f1f' } as const;

/** One block as a printed document sets it: the title centred, the number to the right, paragraphs indented, the signature at the foot. */
function Block({ block }: { block: RenderedBlock }) {
  switch (block.kind) {
    case 'title':
      return <h2 style={{ textAlign: 'center', fontSize: 22, margin: '8px 0 12px', fontWeight: 600 }} data-testid="decision-title">{block.text}</h2>;
    case 'number':
      return <div style={{ textAlign: 'right', marginBottom: 16 }} data-testid="decision-number">{block.text}</div>;
    case 'heading':
      return <div style={{ fontWeight: 600, margin: '12px 0 4px' }} data-testid="decision-heading">{block.text}</div>;
    case 'paragraph':
      return <p style={{ textIndent: '2em', margin: '0 0 8px', whiteSpace: 'pre-wrap' }} data-testid="decision-paragraph">{block.text}</p>;
    case 'signature':
      return (
        <div style={{ textAlign: 'right', marginTop: 32 }} data-testid="decision-signature">
          <div>{block.organ}</div>
          <div>{block.date}</div>
        </div>
      );
  }
}

/** A published document's text as the server rendered it (names already redacted). */
export function PublishedDocumentText({ document }: { document: Pick<PublishedDocument, 'documentId' | 'blocks'> }) {
  return (
    <article style={paper} data-testid="decision-text" data-document-id={document.documentId}>
      {document.blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
    </article>
  );
}
