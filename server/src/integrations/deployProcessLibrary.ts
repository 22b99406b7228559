import type { Camunda8 } from '@camunda8/sdk';
import type { Logger, Queryable } from '@balcao/platform';
import { libraryEntries } from '@balcao/process-library';
import { publishCatalogue } from '../catalogue/publishCatalogue';

/**
 * Deploys the process library through the gateway, like any Zeebe client would. Repeating it
 * is harmless: the engine makes a new version only of what changed. The services' sheets
 * then go to the catalogue.
 */
export async function deployProcessLibrary(
  camunda: Camunda8,
  db: Queryable,
  log: Logger,
): Promise<void> {
  const entries = libraryEntries();
  const resources = entries
    .flatMap((e) => e.resources)
    .map((r) =>
      r.name.endsWith('.bpmn')
        ? { name: r.name, process: r.content }
        : { name: r.name, form: r.content },
    );
  const result = await camunda.getZeebeGrpcApiClient().deployResources(resources);
  const deployments = result.deployments as {
    process?: { bpmnProcessId: string; version: number };
  }[];
  const processes = deployments.flatMap((d) => (d.process ? [d.process] : []));
  const versions = new Map(processes.map((p) => [p.bpmnProcessId, Number(p.version)]));
  const published = await publishCatalogue(db, entries, versions);
  log.info(
    { processes: processes.map((p) => `${p.bpmnProcessId} v${p.version}`) },
    `process library deployed (${processes.length} processes, ${resources.length} resources); ${published} services in the catalogue`,
  );
}
