export { openTestDatabase, testDatabaseKind } from './openTestDatabase';
