/** The module's name on the platform (its roles are `kb.editor`, `kb.publisher`) and its case type. */
export const KNOWLEDGE_MODULE = 'kb';
export const KNOWLEDGE_CASE_TYPE = 'kb_entry';

/** Kinds of unit that own entries: those that answer the public for their work. */
export const OWNER_KINDS: readonly string[] = ['government', 'center', 'department', 'township'];
