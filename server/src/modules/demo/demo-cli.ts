import type { Database } from '../../platform/db/database.js';
import { CityGenerationRefused, generateCity, type GenerateCityOptions } from './city/generate-city.js';
import { CITY_TEXT } from './demo.strings.js';
import { DEMO_PASSWORD } from './seed-demo.js';

export const DEMO_USAGE = '用法：fazhi demo generate [--requests 1000000] [--years 2] [--end YYYY-MM-DD] [--city 3713] [--seed 1] [--append] [--penalty-cases 1000000]';

type WithDatabase = <T>(run: (database: Database) => Promise<T>) => Promise<T>;

function parse(args: string[]): GenerateCityOptions {
  const options: GenerateCityOptions = { requests: 1_000_000, years: 2, city: '3713', seed: 1 };
  let requestsGiven = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new CityGenerationRefused(CITY_TEXT.badNumber(arg, ''));
      return next;
    };
    const positive = (name: string, text: string) => {
      const number = Number(text.replace(/[_,]/g, ''));
      if (!(number > 0) || !Number.isFinite(number)) throw new CityGenerationRefused(CITY_TEXT.badNumber(name, text));
      return number;
    };
    if (arg === '--requests') {
      options.requests = Math.round(positive(arg, value()));
      requestsGiven = true;
    } else if (arg === '--penalty-cases') options.penaltyCases = Math.round(positive(arg, value()));
    else if (arg === '--years') options.years = positive(arg, value());
    else if (arg === '--seed') options.seed = Math.round(positive(arg, value()));
    else if (arg === '--end') options.end = value();
    else if (arg === '--city') options.city = value();
    else if (arg === '--append') options.append = true;
    else throw new CityGenerationRefused(CITY_TEXT.unknownOption(arg));
  }
  // --penalty-cases alone adds enforcement cases only, no requests.
  if (options.penaltyCases && !requestsGiven) options.requests = 0;
  return options;
}

/** `fazhi demo generate …`: fills the database (DATABASE_URL or the embedded one) with a city. */
export async function runDemoCommand(args: string[], withDatabase: WithDatabase, log: (line: string) => void, warn: (line: string) => void): Promise<number> {
  if (args[0] !== 'generate') {
    warn(DEMO_USAGE);
    return 2;
  }
  try {
    const options = { ...parse(args.slice(1)), log };
    const report = await withDatabase((database) => generateCity(database, options));
    log(CITY_TEXT.accountsTitle(DEMO_PASSWORD));
    for (const a of report.accounts) log(CITY_TEXT.account(a.username, a.displayName, a.unitName));
    if (report.totalAccounts > report.accounts.length) log(CITY_TEXT.moreAccounts(report.totalAccounts - report.accounts.length));
    return 0;
  } catch (error) {
    if (!(error instanceof CityGenerationRefused)) throw error;
    warn(error.message);
    return 2;
  }
}
