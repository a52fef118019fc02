/**
 * Where a region code must lie for a unit of this kind under its parent: a township's 9 digits
 * begin with its county's 6, a community's 12 with its township's 9 (GB/T 2260 and the
 * statistics bureau's 统计用区划代码). Other kinds carry no region code.
 */
export function regionCodeProblem(kind: string, code: string | null, parentRegionCode: string | null): boolean {
  if (code === null) return false;
  const length = kind === 'township' ? 9 : kind === 'community' ? 12 : 0;
  if (length === 0 || !parentRegionCode) return true;
  return !new RegExp(`^\\d{${length}}$`).test(code) || !code.startsWith(parentRegionCode);
}

/**
 * The path of a unit after its subtree moves: the part from `oldPrefix` on is put under
 * `newPrefix`. Paths list ancestor ids ("/1/4/17/"), so a subtree moves by one prefix swap.
 */
export function movedPath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error(`${path} is not under ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}
