/**
 * Connector secrets from the environment: `CONNECTOR_SECRET_AGENCY_TOKEN=…` becomes the
 * secret `AGENCY_TOKEN`, referenced in models as `{{secrets.AGENCY_TOKEN}}`. Empty values
 * count as unset, as elsewhere in Balcão's configuration.
 */
export function secretsFromEnv(
  env: Record<string, string | undefined> = process.env,
  prefix = 'CONNECTOR_SECRET_',
): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(prefix) && name.length > prefix.length && value) {
      secrets[name.slice(prefix.length)] = value;
    }
  }
  return secrets;
}
