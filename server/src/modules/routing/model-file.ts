// Model file: "FZLM" | u32 LE header length | JSON header (UTF-8, space-padded to 4 bytes) |
// bias (K × f32 LE) | scales (K × f32 LE) | weights (dim × K × i8, feature-major).
// Version 2: the header's settings carry the segmenter's vocabulary and the weights are int8
// with one scale per class (a trained model is already on that grid, so save → load is exact).
// Version 1 files (f32, jieba per message) are refused with a message saying to retrain.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { prepareSegmenter, type FeatureSettings } from './rules/features.js';
import { quantizeInt8, type LinearModel } from './rules/linear-model.js';

const MAGIC = 'FZLM';
const VERSION = 2;

interface Header {
  format: 'fazhi-linear-softmax';
  version: typeof VERSION;
  labels: string[];
  settings: FeatureSettings;
  dim: number;
  dtype: 'i8';
}

export function encodeModel(model: LinearModel): Buffer {
  const { weights: q, scales } = (model.int8 ?? quantizeInt8({ ...model, weights: model.weights.slice() }).int8)!;
  const header: Header = { format: 'fazhi-linear-softmax', version: VERSION, labels: model.labels, settings: model.settings, dim: model.dim, dtype: 'i8' };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((8 + json.length) % 4)) % 4;
  if (pad) json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const K = model.labels.length;
  const out = Buffer.alloc(8 + json.length + 8 * K + q.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  let at = 8 + json.length;
  for (const v of model.bias) at = out.writeFloatLE(v, at);
  for (const v of scales) at = out.writeFloatLE(v, at);
  Buffer.from(q.buffer, q.byteOffset, q.byteLength).copy(out, at);
  return out;
}

export function decodeModel(bytes: Uint8Array): LinearModel {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a Fazhi routing model file');
  const headerLength = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as Header;
  if (header.format !== 'fazhi-linear-softmax') throw new Error('unsupported routing model format');
  if (header.version !== VERSION) {
    throw new Error(`routing model file format version ${String(header.version)} is not supported (this code reads version ${VERSION}); retrain it with \`fazhi routing train\``);
  }
  const s = header.settings;
  if (header.dtype !== 'i8' || !s || !Array.isArray(s.vocabulary) || (s.segmenter !== 'vocabulary' && s.segmenter !== 'none')) {
    throw new Error('routing model: header is incomplete');
  }
  const K = header.labels.length;
  const start = 8 + headerLength;
  const expected = start + 8 * K + header.dim * K;
  if (buf.length !== expected) throw new Error(`routing model file has ${buf.length} bytes, expected ${expected}`);
  if (header.dim !== 2 ** s.hashBits) throw new Error('routing model: dim does not match hashBits');
  const bias = new Float32Array(K);
  const scales = new Float32Array(K);
  for (let k = 0; k < K; k++) {
    bias[k] = buf.readFloatLE(start + 4 * k);
    scales[k] = buf.readFloatLE(start + 4 * (K + k));
  }
  // Copy into a fresh array: the file buffer is shared and may be reused.
  const q = new Int8Array(header.dim * K);
  new Uint8Array(q.buffer).set(buf.subarray(start + 8 * K, expected));
  const weights = new Float32Array(q.length);
  for (let j = 0, k = 0; j < q.length; j++) {
    weights[j] = q[j]! * scales[k]!;
    if (++k === K) k = 0;
  }
  prepareSegmenter(s);
  return { labels: header.labels, settings: s, dim: header.dim, bias, weights, int8: { weights: q, scales } };
}

export function saveModel(model: LinearModel, path: string): number {
  const bytes = encodeModel(model);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return bytes.length;
}

export function loadModelFile(path: string): LinearModel {
  return decodeModel(readFileSync(path));
}
