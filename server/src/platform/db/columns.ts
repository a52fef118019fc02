import { customType } from 'drizzle-orm/pg-core';

/** Drizzle has no bytea column type of its own. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
