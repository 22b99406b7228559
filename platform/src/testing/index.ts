export { createScratchPostgres, openTestDatabase, testDatabaseKind } from './openTestDatabase';
