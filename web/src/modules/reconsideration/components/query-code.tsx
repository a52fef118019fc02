import { Typography } from 'antd';
import { CopyButton } from '../../../ui/copy-button';
import { reconsiderationStrings as s } from '../strings';

/** The query code, large enough to read aloud across a counter or copy off a phone, with its copy button. */
export function QueryCode({ code }: { code: string }) {
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 4, padding: '12px 16px', display: 'grid', gap: 8, textAlign: 'left' }} data-testid="xzfy-code-box">
      <Typography.Text type="secondary">{s.publicApply.codeLabel}</Typography.Text>
      <Typography.Paragraph strong style={{ fontSize: 24, letterSpacing: 1, margin: 0, whiteSpace: 'nowrap', fontFamily: 'Menlo, Consolas, monospace' }} data-testid="xzfy-query-code">
        {code}
      </Typography.Paragraph>
      <CopyButton text={s.publicApply.copyText(code)} label={s.publicApply.copy} block data-testid="xzfy-copy-code" />
    </div>
  );
}
