import { isStaff, type Actor } from '../../../platform/actor.js';
import { findModule, registeredTypes } from '../case-registry.js';
import type { CaseTypeDefinition, ListColumnKind } from '../case-type.js';
import { rolesIn } from './module-roles.js';

export interface CaseTypeView {
  name: string;
  label: string;
  module: string;
  moduleLabel: string;
  states: Array<{ key: string; label: string; final: boolean }>;
  listing: {
    columns: Array<{ key: string; label: string; kind: ListColumnKind; options?: Record<string, string> }>;
    filters: Array<{ key: string; label: string; kind: 'choice' | 'date_range' | 'text' | 'unit'; options?: Record<string, string> }>;
    search: string[];
    title: string;
    code: string | null;
  } | null;
}

/**
 * The case types a person works with, as pages need them to draw lists and search forms: those
 * of every module they hold a role in (an administrator: all). A choice filter carries its
 * values' labels: the column's options, or the type's states for `state`.
 */
export function listCaseTypes(actor: Actor): CaseTypeView[] {
  if (!isStaff(actor)) return [];
  return registeredTypes()
    .filter((type) => actor.role === 'admin' || rolesIn(actor, type.module).length > 0)
    .map((type) => caseTypeView(type));
}

function caseTypeView(type: CaseTypeDefinition): CaseTypeView {
  const states = Object.entries(type.states).map(([key, s]) => ({ key, label: s.label, final: s.final === true }));
  const listing = type.listing;
  const columns = (listing?.columns ?? []).map((c) => ({ key: c.key, label: c.label, kind: c.kind, ...(c.options ? { options: { ...c.options } } : {}) }));
  const optionsOf = (key: string): Record<string, string> | undefined => {
    if (key === 'state') return Object.fromEntries(states.map((s) => [s.key, s.label]));
    return columns.find((c) => c.key === key)?.options;
  };
  return {
    name: type.name,
    label: type.label,
    module: type.module,
    moduleLabel: findModule(type.module)?.label ?? type.module,
    states,
    listing: listing
      ? {
          columns,
          filters: (listing.filters ?? []).map((f) => {
            const options = f.kind === 'choice' ? optionsOf(f.key) : undefined;
            return { key: f.key, label: f.label, kind: f.kind, ...(options ? { options } : {}) };
          }),
          search: [...(listing.search ?? [])],
          title: listing.title,
          code: listing.code ?? null,
        }
      : null,
  };
}
