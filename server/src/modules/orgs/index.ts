/** Regions, the unit tree and the people in it; scope is a unit and its subtree. */
export { regions, units, users, roleGrants } from './orgs.tables.js';
export { unitKinds, isUnitKind, unitKindLabel, mayPlaceUnder, type UnitKind } from './rules/unit-kinds.js';
export { readDivisions, readCityDivisions, readDemoCounty, type DivisionsFile, type CityDivisionsFile, type DemoCountyFile } from './orgs.data.js';
export { findUnit, findUnits, findUnitByKey, findUnitByRegion, listUnitsInScope, listUnitsOfKinds, findUser, findUsers, findUserByUsername, grantsOf, survivorsOfMerged, type UnitRow, type UserRow } from './orgs.repository.js';
export { seedOrganisation, insertUsers, type SeededOrganisation, type NewUser } from './operations/seed-organisation.js';
export { registerUnitMergeStep, type UnitMerge, type UnitMergeStep } from './operations/unit-merge-steps.js';
export { childPath, isWithinScope } from './rules/scope.js';
export { orgsError } from './orgs.errors.js';
export { orgsPlugin } from './orgs.plugin.js';
