import type { Camunda8 } from '@camunda8/sdk';
import type { Logger } from '@balcao/platform';
import { libraryResources } from '@balcao/process-library';

/**
 * Deploys the process library through the gateway, like any Zeebe client would. Repeating it
 * is harmless: the engine makes a new version only of what changed.
 */
export async function deployProcessLibrary(camunda: Camunda8, log: Logger): Promise<void> {
  const resources = libraryResources().map((r) =>
    r.name.endsWith('.bpmn')
      ? { name: r.name, process: r.content }
      : { name: r.name, form: r.content },
  );
  const result = await camunda.getZeebeGrpcApiClient().deployResources(resources);
  const deployments = result.deployments as {
    process?: { bpmnProcessId: string; version: number };
  }[];
  const processes = deployments.flatMap((d) => (d.process ? [d.process] : []));
  log.info(
    { processes: processes.map((p) => `${p.bpmnProcessId} v${p.version}`) },
    `process library deployed (${processes.length} processes, ${resources.length} resources)`,
  );
}
