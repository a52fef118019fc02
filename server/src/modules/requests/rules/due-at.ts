import { computeDueInstant, withCityOverrides, type ClockRule } from '../../clock/index.js';
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
  if (ruleId === RESPONSE_RULE || ruleId === URGENT_RESPONSE_RULE) {
    const hours = hotlineConfig().responseHours[ruleId === RESPONSE_RULE ? 'normal' : 'urgent'];
    return new Date(start.getTime() + hours * 3600_000);
  }
  return computeDueInstant(ruleFor(ruleId), start, { extend: extended > 0 });
}

