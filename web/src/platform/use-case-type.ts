import { useCallback } from 'react';
import { ApiError } from '../api/client';
import { useLoaded, type Loaded } from '../api/use-loaded';
import { loadCaseTypes, type CaseTypeInfo } from './api';

/** The named case type as the server declares it for this person; an error when they may not work with it. */
export function useCaseType(name: string): Loaded<CaseTypeInfo> {
  const load = useCallback(
    () =>
      loadCaseTypes().then((types) => {
        const found = types.find((t) => t.name === name);
        if (!found) throw new ApiError('FORBIDDEN', '您没有执行此操作的权限', 403);
        return found;
      }),
    [name],
  );
  return useLoaded(load);
}
