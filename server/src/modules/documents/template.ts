/**
 * A document template as data: what a module declares so the platform can number, render,
 * version and freeze its documents. The platform knows no particular template; see
 * docs/documents.md for how a module declares one and issues it from a workflow action.
 */

export type FieldKind = 'text' | 'longtext' | 'date' | 'choice' | 'money' | 'person';

export interface TemplateField {
  /** The placeholder's name in the body: `{applicant}`. */
  name: string;
  /** What a form calls it, and what a missing-field error names: 申请人. */
  label: string;
  /**
   * text: one line; longtext: paragraphs (each line its own paragraph); date: YYYY-MM-DD, written
   * 2026年3月2日; choice: one of `options`; money: yuan, at most two decimals; person: a name.
   */
  kind: FieldKind;
  required: boolean;
  /** For `choice` only. */
  options?: readonly string[];
}

/**
 * The body, top to bottom. Text may hold `{field}` placeholders and the built-ins `{organName}`
 * (the issuing organ), `{number}` (the document number; blank in a draft) and `{date}` (成文日期
 * written in Chinese). A paragraph or heading whose fields were all left out is dropped
 * ("罚款金额：{fine}" without a fine); a longtext value makes one paragraph per line.
 */
export type TemplateBlock =
  | { kind: 'title'; text: string }
  /** The document number (发文字号) line, right-aligned; blanks for the sequence in a draft. */
  | { kind: 'number' }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** The issuing organ's name and the 成文日期 (二〇二六年十二月五日), at the foot on the right. */
  | { kind: 'signature' };

export interface DocumentTemplate {
  /** Stable, namespaced by the module: 'xzfy.decision'. */
  id: string;
  /** 行政复议决定书 */
  label: string;
  /**
   * The number pattern: `{organShort}` the issuing organ's short name (its name when it has
   * none), `{year}` the issue year in China, `{n}` the sequence. '{organShort}复决字〔{year}〕第{n}号'.
   */
  numbering: string;
  /**
   * Templates with the same key share one sequence per organ and year; the default is the
   * pattern itself, so two templates written with one 字号 never hand out the same number.
   */
  numberingKey?: string;
  /**
   * Which case type issues it and by which of its actions. Drafting is open to whoever may take
   * one of these actions on the case now; the action's effect issues the document.
   */
  issuedBy: { caseType: string; actions: readonly string[] };
  fields: readonly TemplateField[];
  body: readonly TemplateBlock[];
}

/** The built-in placeholders every template may use besides its fields. */
export const BUILT_IN_PLACEHOLDERS = ['organName', 'number', 'date'] as const;
