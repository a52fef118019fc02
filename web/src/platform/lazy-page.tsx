import { Suspense, type ReactNode } from 'react';
import { PageLoading } from '../ui/page-loading';

/** A page loaded on demand, with the shared spinner meanwhile. */
export function LazyPage({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}
