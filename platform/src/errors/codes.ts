/** Error codes owned by the platform layer. Other parts declare their own beside their code. */
export const PlatformErrorCode = {
  ConfigInvalid: 'CONFIG_INVALID',
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  MigrationFailed: 'MIGRATION_FAILED',
  MigrationChanged: 'MIGRATION_CHANGED',
  MigrationInvalidName: 'MIGRATION_INVALID_NAME',
} as const;

export type PlatformErrorCode = (typeof PlatformErrorCode)[keyof typeof PlatformErrorCode];
