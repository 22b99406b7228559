import { Camunda8 } from '@camunda8/sdk';
import type { Logger } from '@balcao/platform';
import { libraryResources } from '@balcao/process-library';

/**
 * Deploys the process library through the gateway, like any Zeebe client would. Repeating it
 * is harmless: the engine makes a new version only of what changed.
 */
export async function deployProcessLibrary(gatewayAddress: string, log: Logger): Promise<void> {
  const resources = libraryResources().map((r) =>
    r.name.endsWith('.bpmn')
      ? { name: r.name, process: r.content }
      : { name: r.name, form: r.content },
  );
  const zeebe = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${gatewayAddress}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
  } as ConstructorParameters<typeof Camunda8>[0]).getZeebeGrpcApiClient();
  try {
    const result = await zeebe.deployResources(resources);
    const deployments = result.deployments as {
      process?: { bpmnProcessId: string; version: number };
    }[];
    const processes = deployments.flatMap((d) => (d.process ? [d.process] : []));
    log.info(
      { processes: processes.map((p) => `${p.bpmnProcessId} v${p.version}`) },
      `process library deployed (${processes.length} processes, ${resources.length} resources)`,
    );
  } finally {
    await zeebe.close(1000).catch(() => undefined);
  }
}
