import type { Database } from '../../../platform/db/database.js';
import { registeredModules } from '../case-registry.js';

export type ModuleJobRunner = (database: Database, now: Date, onError?: (error: unknown, job: string) => void) => Promise<string[]>;

/**
 * Runs the registered modules' jobs that are due, one after another, and names those it ran. Each
 * runner keeps its own memory of the last run (a server's, in its process); the first call runs
 * every job. A failing job is reported and tried again at its next interval: one module's
 * trouble must not stop another's work.
 */
export function moduleJobRunner(): ModuleJobRunner {
  const lastRun = new Map<string, number>();
  return async (database, now, onError) => {
    const ran: string[] = [];
    for (const module of registeredModules()) {
      for (const job of module.jobs ?? []) {
        const key = `${module.name}.${job.name}`;
        const last = lastRun.get(key);
        if (last !== undefined && now.getTime() - last < job.everyMinutes * 60_000) continue;
        lastRun.set(key, now.getTime());
        try {
          await job.run(database, now);
          ran.push(key);
        } catch (error) {
          onError?.(error, key);
        }
      }
    }
    return ran;
  };
}
