/** A figure as it is reported: with its numerator and denominator, so anyone can check it. */
export interface FigureValue {
  numerator: number;
  denominator: number | null;
  /** numerator / denominator (× 100 for a rate), or the count; null when the denominator is zero. */
  value: number | null;
  /** As shown: "41%", "23.5天", "457"; "—" when there is no value (never NaN or infinity). */
  display: string;
}

/** Half up at `decimals`, on the decimal digits rather than the binary value (40.85 → 41, 0.125 → 0.13). */
export function roundHalfUp(value: number, decimals: number): string {
  const scaled = Number((Math.abs(value) * 10 ** decimals).toFixed(6));
  const rounded = Math.floor(scaled + 0.5 + 1e-9) / 10 ** decimals;
  return `${value < 0 ? '-' : ''}${rounded.toFixed(decimals)}`;
}

export function figureValue(kind: 'rate' | 'average' | 'count', numerator: number, denominator: number | null, decimals = kind === 'rate' ? 2 : 1, unit = ''): FigureValue {
  if (kind === 'count' || denominator === null) return { numerator, denominator: null, value: numerator, display: String(numerator) };
  if (denominator === 0) return { numerator, denominator, value: null, display: '—' };
  const value = kind === 'rate' ? (numerator / denominator) * 100 : numerator / denominator;
  return { numerator, denominator, value, display: `${roundHalfUp(value, decimals)}${kind === 'rate' ? '%' : unit}` };
}
