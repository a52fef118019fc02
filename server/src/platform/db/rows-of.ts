/** `tx.execute` answers the rows themselves or `{ rows }`, depending on the driver: the rows either way. */
export function rowsOf<R>(result: unknown): R[] {
  return (Array.isArray(result) ? result : ((result as { rows?: R[] }).rows ?? [])) as R[];
}
