import type { FastifyInstance } from 'fastify';

/**
 * Reference data (the unit tree, regions, categories, duty lists) is read from memory on the
 * request path. A module that changes it calls `referenceChanged()`; the modules that keep a
 * copy re-read theirs at once on this server (other app servers do so within a minute by age).
 */
export function installReferenceChanges(app: FastifyInstance): void {
  const listeners: Array<() => void | Promise<void>> = [];
  app.decorate('onReferenceChanged', (listener: () => void | Promise<void>) => void listeners.push(listener));
  app.decorate('referenceChanged', async () => {
    for (const listener of listeners) await listener();
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Keep this copy of reference data in step with changes made on this server. */
    onReferenceChanged(listener: () => void | Promise<void>): void;
    /** Reference data changed here: every copy on this server is read afresh. */
    referenceChanged(): Promise<void>;
  }
}
