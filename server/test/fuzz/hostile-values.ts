/** What an attacker or a broken client sends: the raw material of near-valid and malformed requests. */

const LONG = 70_000;

/** Strings that have broken servers somewhere: NUL, lone surrogates, traversal, SQL, script, format tricks. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uFEFF\u200B\u202E',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  "' OR '1'='1",
  "'; drop table cases; --",
  '$1',
  '%s%s%s%n',
  '\\',
  '"',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '${jndi:ldap://x/a}',
  'NaN',
  'null',
  'undefined',
  '-1',
  '9'.repeat(40),
  '1e999',
  '0x10',
  '__proto__',
  '🀄'.repeat(300),
  '长'.repeat(LONG),
  'a'.repeat(LONG),
];

/** Numbers beyond what columns hold, negative ones, fractions, and the edges of float. */
export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -1,
  -0,
  0.5,
  1.5,
  -2147483649,
  2147483648,
  2 ** 53,
  2 ** 63,
  -(2 ** 63),
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** Values of every JSON type, for a field of another type. */
export const WRONG_TYPES: readonly unknown[] = [null, true, false, 0, 1, -1, 1.5, '', 'x', '1', 'true', [], [1], {}, { a: 1 }];

/** Object keys that parsers, merges and prototypes trip on. */
export const HOSTILE_KEYS: readonly string[] = ['unexpected', '__proto__', 'constructor', 'prototype', 'a\u0000b', '', '$where', '\uD800'];

/** Bodies that are not the JSON they claim to be, or not JSON at all. */
export const MALFORMED_BODIES: readonly string[] = [
  '',
  ' ',
  '{',
  '{"a":',
  '}',
  'nul',
  'null',
  'true',
  '0',
  '"text"',
  '[]',
  '[{}]',
  '{"a":1,"a":2}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"content":"\\u0000"}',
  '{"content":"\\ud800"}',
  '{"n":1e999}',
  '\uFEFF{}',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
];

/** Content types a JSON route may be sent with. */
export const CONTENT_TYPES: readonly (string | null)[] = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/xml',
  'application/json, text/plain',
  '',
  null,
];

/** Path parameter forms the router itself must survive (sent as they are, not encoded). */
export const RAW_PATH_SEGMENTS: readonly string[] = ['%ff', '%E4%B8', '%', '%00', '%2e%2e', '..%2f..%2f', '..%5c..%5c', '%c0%ae%c0%ae', 'a%2Fb', '%20', '.', 'A'.repeat(150)];

/** What a traversal attempt under a static route looks like once it survives URL parsing. */
export const TRAVERSAL_PATHS: readonly string[] = [
  'index.html',
  'swagger-ui.css',
  'index.css',
  '..%5c..%5cpackage.json',
  '%5c..%5c..%5c..%5cetc%5cpasswd',
  '..%2f..%2fpackage.json',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '....//....//etc/passwd',
  '.%2e/.%2e/x',
  'x/%2e%2e/%2e%2e/%2e%2e/x',
  '%c0%ae%c0%ae/%c0%ae%c0%ae/x',
  'a%00b',
  '%00',
  '%ff',
  '%E4%B8',
  'nonexistent.js',
  '.env',
  '.git/config',
  'swagger-initializer.js',
  'A'.repeat(300),
];
