'use strict';
// The Spark convention (wiki.open311.org/JSON_and_XML_Conversion): see ../README.md.
const { XMLParser } = require('fast-xml-parser');

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false, trimValues: true });

function scalar(text) {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function convert(children) {
  const elements = children.filter((c) => !('#text' in c) && !Object.keys(c)[0].startsWith('?'));
  if (elements.length === 0) {
    const text = children.map((c) => c['#text'] ?? '').join('');
    return text === '' ? null : scalar(String(text));
  }
  const names = elements.map((e) => Object.keys(e)[0]);
  if (new Set(names).size === 1) return elements.map((e) => convert(e[names[0]]));
  const out = {};
  for (const e of elements) {
    const name = Object.keys(e)[0];
    out[name] = convert(e[name]);
  }
  return out;
}

exports.parseXml = function parseXml(xml) {
  const root = parser.parse(String(xml)).find((node) => !Object.keys(node)[0].startsWith('?'));
  return root ? convert(root[Object.keys(root)[0]]) : null;
};
