/** "张三丰" → "张**"; people who do not need a requester's identity see only this. */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  return `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}`;
}

/** "13812345678" → "138****5678". */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
// Landlines as callers give them: area code and number, with or without a dash.
export const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
