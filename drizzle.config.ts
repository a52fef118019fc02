import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/src/modules/*/*.tables.ts', './server/src/platform/*/*.tables.ts'],
  out: './migrations',
});
