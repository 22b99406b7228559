import { bpmn, el } from '@balcao/engine/testing';
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

/**
 * The shape of a request for information: the applicant answers a form (assigned to them), then
 * a DSI clerk reviews. `replyHeaders` / `reviewHeaders` are extra zeebe:header elements.
 */
export function replyThenReview(
  processId: string,
  formId: string,
  headers: { reply?: string; review?: string } = {},
): string {
  return bpmn(
    processId,
    [
      el.start('s'),
      el.user(
        'reply',
        `<zeebe:userTask /><zeebe:formDefinition formId="${formId}" /><zeebe:assignmentDefinition assignee="=applicantAccount" />${headers.reply ? `<zeebe:taskHeaders>${headers.reply}</zeebe:taskHeaders>` : ''}`,
      ),
      el.user(
        'review',
        `<zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="dsi-crc-clerks" /><zeebe:taskHeaders>${headers.review ?? ''}<zeebe:header key="balcao:agency" value="DSI" /></zeebe:taskHeaders>`,
      ),
      el.end('e'),
    ],
    [
      ['s', 'reply'],
      ['reply', 'review'],
      ['review', 'e'],
    ],
  );
}
