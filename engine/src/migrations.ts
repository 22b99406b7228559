import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '@balcao/platform';

/** The engine's tables; the host process applies them with the platform's `migrate`. */
export const engineMigrations: MigrationSet = {
  namespace: 'engine',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};
