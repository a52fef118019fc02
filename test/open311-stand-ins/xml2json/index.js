'use strict';
// xml2json's object form: see ../README.md.
const { XMLParser } = require('fast-xml-parser');

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false, trimValues: true });

function convert(children) {
  const elements = children.filter((c) => !('#text' in c) && !Object.keys(c)[0].startsWith('?'));
  if (elements.length === 0) {
    const text = children.map((c) => c['#text'] ?? '').join('');
    return text === '' ? {} : String(text);
  }
  const out = {};
  for (const e of elements) {
    const name = Object.keys(e)[0];
    const value = convert(e[name]);
    if (!(name in out)) out[name] = value;
    else if (Array.isArray(out[name])) out[name].push(value);
    else out[name] = [out[name], value];
  }
  return out;
}

exports.toJson = function toJson(xml, options) {
  const object = convert(parser.parse(String(xml)));
  return options && options.object ? object : JSON.stringify(object);
};
