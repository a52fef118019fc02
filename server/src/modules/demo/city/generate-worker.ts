// Generates the city's requests on a thread of its own, so that building rows (hashing,
// text) and PostgreSQL's COPY run on both cores at once. Batches are held back once two wait
// unwritten, so memory stays bounded however many requests are asked for.
import { parentPort, workerData } from 'node:worker_threads';
import { installKeyring, keyringFromSecret } from '../../../platform/keyring.js';
import { readCityMix, readCityTexts } from './city-data.js';
import type { CityModel } from './city-model.js';
import { CityStream, type StreamOptions } from './city-stream.js';
import { COPY_TABLES, type CopyTable } from './copy-text.js';

export interface WorkerInput {
  model: CityModel;
  options: StreamOptions;
  batchSize: number;
  /** The platform key's secret: events are sealed as the app seals them. */
  keySecret: Uint8Array;
}

export type WorkerMessage =
  | { type: 'batch'; chunks: Partial<Record<CopyTable, Uint8Array>>; requests: number; events: number; rows: number }
  | { type: 'done'; eventCounts: Array<[string, number]> };

const { model, options, batchSize, keySecret } = workerData as WorkerInput;
installKeyring(keyringFromSecret(Buffer.from(keySecret)));
const port = parentPort!;
let credits = 2;
let wake: (() => void) | null = null;
port.on('message', (message: { type: 'credit' }) => {
  if (message.type !== 'credit') return;
  credits++;
  wake?.();
  wake = null;
});

const stream = new CityStream(model, options, readCityMix(), readCityTexts());
for (const batch of stream.batches(batchSize)) {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  const chunks: Partial<Record<CopyTable, Uint8Array>> = {};
  let rows = 0;
  for (const table of COPY_TABLES) {
    const sink = batch.rows[table];
    if (!sink.rows) continue;
    rows += sink.rows;
    chunks[table] = sink.bytes();
  }
  const message: WorkerMessage = { type: 'batch', chunks, requests: batch.requests, events: batch.rows.case_events.rows, rows };
  port.postMessage(message, Object.values(chunks).map((c) => c.buffer as ArrayBuffer));
}
port.postMessage({ type: 'done', eventCounts: [...stream.eventCounts] } satisfies WorkerMessage);
