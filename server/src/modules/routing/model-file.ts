// Model file: "FZLM" | u32 LE header length | JSON header (UTF-8, space-padded to 4 bytes) |
// bias (K × f32 LE) | weights (dim × K × f32 LE, feature-major). Float32 keeps save → load exact.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type FeatureSettings } from './rules/features.js';
import { type LinearModel } from './rules/linear-model.js';

const MAGIC = 'FZLM';

interface Header {
  format: 'fazhi-linear-softmax';
  version: 1;
  labels: string[];
  settings: FeatureSettings;
  dim: number;
  dtype: 'f32';
}

export function encodeModel(model: LinearModel): Buffer {
  const header: Header = { format: 'fazhi-linear-softmax', version: 1, labels: model.labels, settings: model.settings, dim: model.dim, dtype: 'f32' };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((8 + json.length) % 4)) % 4;
  if (pad) json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const K = model.labels.length;
  const out = Buffer.alloc(8 + json.length + 4 * K + 4 * model.weights.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  let at = 8 + json.length;
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (little) {
    Buffer.from(model.bias.buffer, model.bias.byteOffset, model.bias.byteLength).copy(out, at);
    at += model.bias.byteLength;
    Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).copy(out, at);
  } else {
    for (const v of model.bias) at = out.writeFloatLE(v, at);
    for (const v of model.weights) at = out.writeFloatLE(v, at);
  }
  return out;
}

export function decodeModel(bytes: Uint8Array): LinearModel {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a Fazhi routing model file');
  const headerLength = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as Header;
  if (header.format !== 'fazhi-linear-softmax' || header.version !== 1 || header.dtype !== 'f32') throw new Error('unsupported routing model format');
  const K = header.labels.length;
  const start = 8 + headerLength;
  const expected = start + 4 * K + 4 * header.dim * K;
  if (buf.length !== expected) throw new Error(`routing model file has ${buf.length} bytes, expected ${expected}`);
  if (header.dim !== 2 ** header.settings.hashBits) throw new Error('routing model: dim does not match hashBits');
  // Copy into fresh aligned arrays (the file buffer may not be 4-byte aligned).
  const floats = new Float32Array(K + header.dim * K);
  new Uint8Array(floats.buffer).set(buf.subarray(start, expected));
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    for (let i = 0; i < floats.length; i++) floats[i] = buf.readFloatLE(start + 4 * i);
  }
  return { labels: header.labels, settings: header.settings, dim: header.dim, bias: floats.subarray(0, K), weights: floats.subarray(K) };
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
