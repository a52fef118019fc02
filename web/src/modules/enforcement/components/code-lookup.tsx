import { useCallback, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Input, Result, Skeleton, Space } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';

interface CodeLookupProps<T> {
  /** The page's address; a typed code goes to `<path>/<code>`, which the page reads back. */
  path: string;
  find: (code: string, signal: AbortSignal) => Promise<T>;
  /** The server's error code for a code it does not know (a malformed one is a 400 and reads the same). */
  unknownError: string;
  strings: { input: string; check: string; notFound: string };
  /** Test ids: `<testIdPrefix>-input`, `-submit`, `-not-found`. */
  testIdPrefix: string;
  skeletonRows: number;
  children: (found: T) => ReactNode;
}

/**
 * A public check of a code read at a door or off a card (扫码入企, 监督卡): the code typed or
 * scanned into the address, what the server found for it, or that it knows no such code.
 */
export function CodeLookup<T>({ path, find, unknownError, strings: s, testIdPrefix, skeletonRows, children }: CodeLookupProps<T>) {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const load = useCallback(
    (signal: AbortSignal) =>
      code
        ? find(code, signal).catch((err: unknown) => {
          if (isApiError(err, unknownError) || (isApiError(err) && err.status === 400)) return null;
          throw err;
        })
        : Promise.resolve(undefined),
    [code, find, unknownError],
  );
  const found = useLoaded(load);
  const go = () => typed.trim() && navigate(`${path}/${encodeURIComponent(typed.trim())}`);
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input data-testid={`${testIdPrefix}-input`} value={typed} placeholder={s.input} onChange={(e) => setTyped(e.target.value)} onPressEnter={go} maxLength={20} />
          <Button data-testid={`${testIdPrefix}-submit`} type="primary" onClick={go}>{s.check}</Button>
        </Space.Compact>
      </Card>
      {code && found.loading && <Card size="small"><Skeleton active paragraph={{ rows: skeletonRows }} /></Card>}
      {found.error && <Alert type="error" showIcon title={found.error} />}
      {code && !found.loading && !found.error && found.data === null && (
        <Result status="warning" title={<span data-testid={`${testIdPrefix}-not-found`}>{s.notFound}</span>} style={{ background: '#fff', borderRadius: 4 }} />
      )}
      {found.data && children(found.data)}
    </>
  );
}
