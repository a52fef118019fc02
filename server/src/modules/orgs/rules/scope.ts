/** Unit paths list ancestor ids between slashes ("/1/4/17/"); a subtree is a prefix. */
export function childPath(parentPath: string, id: number): string {
  return `${parentPath}${id}/`;
}

export function isWithinScope(unitPath: string, scopePath: string): boolean {
  return unitPath.startsWith(scopePath);
}
