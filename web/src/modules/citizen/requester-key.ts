/**
 * What people type for their 评价码 (lower case, spaces, no dash, O for 0, I/L for 1) as
 * "7K2M-9QXD", or null. The server reads keys the same way (cases/rules/requester-key.ts);
 * checking here only spares a refusal that would count against the case's ten tries.
 */
export function normaliseRequesterKey(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(clean)) return null;
  return `${clean.slice(0, 4)}-${clean.slice(4)}`;
}
