import { clockDueInstant, withCityOverrides, type ClockRule, type ClockTimingOptions } from '../../clock/index.js';
import { hotlineConfig } from '../hotline-config.js';

/** The city rule for signing for a dispatch and contacting the requester. */
export const RESPONSE_RULE = 'rx12345.response';
export const URGENT_RESPONSE_RULE = 'rx12345.response.urgent';

let catalogue: ReturnType<typeof withCityOverrides> | undefined;

function ruleFor(ruleId: string): ClockRule {
  catalogue ??= withCityOverrides(hotlineConfig().ruleOverrides);
  return catalogue.getRule(ruleId);
}

/**
 * Due instant of a 12345 clock. Handling limits come from the catalogue (with the
 * city's overrides); the response limit is a city setting in hours.
 */
export function hotlineDueAt(ruleId: string, start: Date, extended: number): Date {
  return hotlineClockDueAt(ruleId, start, { extended });
}

/** The same, for the engine: with the spans a clock stood still, should a city ever pause one. */
export function hotlineClockDueAt(ruleId: string, start: Date, options: ClockTimingOptions): Date {
  if (ruleId === RESPONSE_RULE || ruleId === URGENT_RESPONSE_RULE) {
    const hours = hotlineConfig().responseHours[ruleId === RESPONSE_RULE ? 'normal' : 'urgent'];
    const pausedMs = (options.pauses ?? []).reduce((sum, p) => sum + ((p.to ?? p.from).getTime() - p.from.getTime()), 0);
    return new Date(start.getTime() + hours * 3600_000 + pausedMs);
  }
  return clockDueInstant(ruleFor(ruleId), start, options);
}
