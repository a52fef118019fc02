import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseTypeDefinition } from '../../cases/index.js';
import { litigationCaseType } from '../../litigation/index.js';
import { reconsiderationCaseType } from '../index.js';

// The pages draw every form from the action's schema: each field a person fills in is named in
// Chinese by the schema itself, and each choice offers words, never stored keys.
for (const type of [reconsiderationCaseType, litigationCaseType] as CaseTypeDefinition[]) {
  test(`${type.label}: every form field has its Chinese title`, () => {
    const untitled: string[] = [];
    for (const [action, definition] of Object.entries(type.actions)) {
      if (definition.roles.every((r) => r === 'system')) continue;
      for (const [field, property] of Object.entries(definition.input.properties)) {
        const title = (property as { title?: unknown }).title;
        if (typeof title !== 'string' || !/[\u4e00-\u9fff]/.test(title)) untitled.push(`${action}.${field}`);
      }
    }
    assert.deepEqual(untitled, []);
  });
}
