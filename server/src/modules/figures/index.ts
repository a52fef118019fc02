/**
 * Figures every module declares as numerators and denominators over its own cases, counted for
 * a period and a scope, with breakdowns and rankings; `fazhi stats --module` prints them.
 */
export type { Breakdown, FigureDefinition, FigureSet, Measure } from './figure-set.js';
export { registerFigureSet, figureSetOf, registeredFigureSets } from './figures-registry.js';
export { computeFigures, type BreakdownRow, type ComputedFigure, type FigureReport, type FigureScope, type Period } from './operations/compute-figures.js';
export { figureValue, roundHalfUp, type FigureValue } from './rules/display.js';
export { runFiguresCommand } from './figures-cli.js';
export { verifyFigureSources, type SourceDifference } from './operations/verify-sources.js';
export { readModuleFigures } from './operations/read-module-figures.js';
export { figuresError } from './figures.errors.js';
export { figuresPlugin } from './figures.plugin.js';
