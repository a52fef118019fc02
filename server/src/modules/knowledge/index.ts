/** 知识库: entries operators answer from directly, kept by the units that answer for them. */
export { knowledgeModule } from './module.js';
export { knowledgeEntryType } from './knowledge-case-type.js';
export { KNOWLEDGE_CASE_TYPE, KNOWLEDGE_MODULE } from './knowledge-names.js';
export { knowledgePlugin } from './knowledge.plugin.js';
export { createEntry, type EntryInput } from './operations/create-entry.js';
export { searchEntries, type SearchQuery, type SearchResult } from './operations/search-entries.js';
export { knowledgeEntries, knowledgeTerms, knowledgeCitations } from './knowledge.tables.js';
