import { useEffect, useState } from 'react';
import { errorMessage } from './client';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  /** The Chinese sentence of the last failure; data is null then, never stale. */
  error: string | null;
}

/**
 * Runs `load` each time it changes (memoize it on what it reads) and aborts the call before,
 * so a slow answer for an earlier choice never overwrites a later one. `null` loads nothing.
 */
export function useLoaded<T>(load: ((signal: AbortSignal) => Promise<T>) | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, loading: load !== null, error: null });
  useEffect(() => {
    if (!load) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    load(controller.signal).then(
      (data) => setState({ data, loading: false, error: null }),
      (err: unknown) => {
        if (!controller.signal.aborted) setState({ data: null, loading: false, error: errorMessage(err) });
      },
    );
    return () => controller.abort();
  }, [load]);
  return state;
}
