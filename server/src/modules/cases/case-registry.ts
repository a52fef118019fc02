import type { CaseTypeDefinition } from './case-type.js';
import { caseError } from './cases.errors.js';

const registry = new Map<string, CaseTypeDefinition>();

export function registerCaseType(definition: CaseTypeDefinition): void {
  registry.set(definition.name, definition);
}

export function getCaseType(name: string): CaseTypeDefinition {
  const definition = registry.get(name);
  if (!definition) throw caseError('CASE_TYPE_UNKNOWN', { caseType: name });
  return definition;
}

/** Every registered case type (for work that spans all of them: retention, verification). */
export function registeredTypes(): CaseTypeDefinition[] {
  return [...registry.values()];
}
