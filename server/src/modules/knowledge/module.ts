import { defineModule } from '../cases/index.js';
import { knowledgeEntryType } from './knowledge-case-type.js';
import { KNOWLEDGE_MODULE } from './knowledge-names.js';
import { MODULE_LABEL, ROLE_LABELS } from './knowledge.strings.js';

/**
 * 知识库 on the platform. A unit's editors (kb.editor for the unit) write and keep its entries;
 * the 12345 center's knowledge administrator, granted kb.publisher for the county government,
 * publishes every unit's entries and may maintain them. Reading needs no role of the module:
 * whoever works the hotline reads the published entries of their hotline scope.
 */
export const knowledgeModule = defineModule({
  name: KNOWLEDGE_MODULE,
  label: MODULE_LABEL,
  roles: {
    editor: { label: ROLE_LABELS.editor, unitKinds: ['government', 'center', 'department', 'township'] },
    publisher: { label: ROLE_LABELS.publisher, unitKinds: ['government'] },
  },
  caseTypes: [knowledgeEntryType],
});
