import { xmlSafe } from '../../../platform/xml-text.js';

export type Format = 'json' | 'xml';
export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The element each list's items take in XML; the JSON is the same tree with lists as arrays. */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

const escape = (text: string) =>
  xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function element(name: string, value: Value, indent: string): string {
  if (value === undefined) return '';
  if (value === null || value === '') return `${indent}<${name}></${name}>\n`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no item element for list ${name}`);
    if (value.length === 0) return `${indent}<${name}></${name}>\n`;
    return `${indent}<${name}>\n${value.map((v) => element(item, v, `${indent}  `)).join('')}${indent}</${name}>\n`;
  }
  if (typeof value === 'object') {
    return `${indent}<${name}>\n${Object.entries(value).map(([k, v]) => element(k, v, `${indent}  `)).join('')}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escape(String(value))}</${name}>\n`;
}

/**
 * One answer in the format asked for. XML: the declaration, then the root element, lists as
 * repeated elements; JSON: the same tree, lists as arrays (the GeoReport v2 examples), a field
 * left undefined absent from both.
 */
export function render(format: Format, root: string, value: Value): string {
  if (format === 'json') return JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' ? xmlSafe(v) : v));
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}`;
}

/** The format an address asks for by its extension; XML, the one every client reads, otherwise. */
export function formatOf(url: string): Format {
  return /\.json(?:\?|$)/.test(url) ? 'json' : 'xml';
}
