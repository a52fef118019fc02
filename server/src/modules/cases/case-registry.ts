import type { CaseTypeDefinition, LinkKind, ModuleDefinition, ModuleRole } from './case-type.js';
import { caseError } from './cases.errors.js';
import { checkFieldKinds, checkListing } from './rules/check-listing.js';

const types = new Map<string, CaseTypeDefinition>();
const modules = new Map<string, ModuleDefinition>();

/**
 * Registers a module and its case types at start-up. The platform learns of a module only
 * through this: its roles (who may hold them, at which kinds of unit) and its workflows.
 */
export function registerModule(definition: ModuleDefinition): void {
  const known = modules.get(definition.name);
  if (known && known !== definition) throw new Error(`module ${definition.name} registered twice`);
  for (const [role, spec] of Object.entries(definition.roles)) {
    if (spec.home) {
      const other = [...modules.values()].find((m) => m !== definition && m.roles[role]?.home);
      if (other) throw new Error(`home role ${role} is declared by both ${other.name} and ${definition.name}`);
    }
  }
  for (const type of definition.caseTypes) {
    if (type.module !== definition.name) throw new Error(`case type ${type.name} belongs to ${type.module}, not ${definition.name}`);
    for (const [name, action] of Object.entries(type.actions)) {
      for (const role of action.roles) {
        if (role !== 'system' && role !== 'citizen' && !(role in definition.roles)) {
          throw new Error(`case type ${type.name}: action ${name} names role ${role}, which ${definition.name} does not declare`);
        }
      }
    }
    if (type.listing) checkListing(type.name, type.listing);
    checkFieldKinds(type);
    types.set(type.name, type);
  }
  for (const kind of Object.keys(definition.linkKinds ?? {})) {
    const other = [...modules.values()].find((m) => m !== definition && m.linkKinds?.[kind]);
    if (other) throw new Error(`link kind ${kind} is declared by both ${other.name} and ${definition.name}`);
  }
  modules.set(definition.name, definition);
}

/** A link kind some module declares. */
export function findLinkKind(kind: string): LinkKind | undefined {
  for (const module of modules.values()) {
    const found = module.linkKinds && Object.hasOwn(module.linkKinds, kind) ? module.linkKinds[kind] : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The type of that name, or undefined (getCaseType refuses an unknown one). */
export function findCaseType(name: string): CaseTypeDefinition | undefined {
  return types.get(name);
}

export function getCaseType(name: string): CaseTypeDefinition {
  const definition = types.get(name);
  if (!definition) throw caseError('CASE_TYPE_UNKNOWN', { caseType: name });
  return definition;
}

/** Every registered case type (for work that spans all of them: retention, verification). */
export function registeredTypes(): CaseTypeDefinition[] {
  return [...types.values()];
}

export function registeredModules(): ModuleDefinition[] {
  return [...modules.values()];
}

export function findModule(name: string): ModuleDefinition | undefined {
  return modules.get(name);
}

/** The module whose role an account holds as its own (home) role, if any. */
export function homeRoleModule(role: string): { module: ModuleDefinition; role: ModuleRole } | undefined {
  for (const module of modules.values()) {
    const spec = Object.hasOwn(module.roles, role) ? module.roles[role] : undefined;
    if (spec?.home) return { module, role: spec };
  }
  return undefined;
}
