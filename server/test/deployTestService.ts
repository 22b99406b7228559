import type { TestBalcao } from './balcaoHarness';

/**
 * Deploys a model and its forms through the gateway and lists it in the catalogue as a portal
 * service of an agency, as the process library's deploy does for its own services.
 */
export async function deployTestService(
  t: TestBalcao,
  service: {
    processId: string;
    model: string;
    forms?: readonly { formId: string }[];
    agency: string;
    name: Record<'zh-Hant' | 'pt' | 'en', string>;
    workingDays: number;
  },
): Promise<void> {
  await t.camunda.getZeebeGrpcApiClient().deployResources([
    { name: `${service.processId}.bpmn`, process: Buffer.from(service.model) },
    ...(service.forms ?? []).map((form) => ({
      name: `${form.formId}.form`,
      form: Buffer.from(JSON.stringify(form)),
    })),
  ]);
  await t.balcao.db.query(
    `insert into catalogue_service (process_id, version, sheet) values ($1, 1, $2)`,
    [
      service.processId,
      JSON.stringify({
        processId: service.processId,
        agency: service.agency,
        start: 'portal',
        name: service.name,
        processingTime: { workingDays: service.workingDays },
      }),
    ],
  );
}
