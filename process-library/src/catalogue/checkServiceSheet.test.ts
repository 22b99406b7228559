import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkServiceSheet } from './checkServiceSheet';
import { serviceSheetSchema } from './ServiceSheet';

const services = join(import.meta.dirname, '..', '..', 'services');
const read = (path: string) => readFileSync(join(services, path), 'utf8');

function p9() {
  const sheet = serviceSheetSchema.parse(JSON.parse(read('public-consultation/service.json')));
  const form = JSON.parse(
    read('public-consultation/forms/public-consultation-opinion.form.json'),
  ) as { components: { key: string; data?: { values: { label: string; value: string }[] } }[] };
  return { sheet, form, bpmn: read('public-consultation/process.bpmn') };
}

describe('checkServiceSheet', () => {
  it('should find nothing wrong with P9 as shipped', () => {
    // given
    const { sheet, form, bpmn } = p9();

    // when
    const problems = checkServiceSheet(sheet, form, bpmn);

    // then
    expect(problems).toEqual([]);
  });

  it('should name a call the form does not offer and an option that is no call', () => {
    // given
    const { sheet, form, bpmn } = p9();
    const select = form.components.find((c) => c.key === 'consultationRef');
    const first = select?.data?.values[0];
    if (first) first.value = 'CONS-1999-OLD';

    // when
    const problems = checkServiceSheet(sheet, form, bpmn);

    // then
    expect(problems).toEqual([
      `openCalls: "consultationRef" does not offer ${sheet.openCalls?.calls[0]?.ref ?? ''}`,
      'openCalls: "consultationRef" offers CONS-1999-OLD, which is not a listed call',
    ]);
  });

  it('should name a person field the form lacks and a staff message the model does not wait for', () => {
    // given
    const { sheet, form, bpmn } = p9();
    const changed = {
      ...sheet,
      portalPersons: [{ idNumberField: 'partnerIdNumber', accountVariable: 'partnerAccount' }],
      staffMessages: [
        {
          name: 'report-approved',
          waitingAt: 'waitApproval',
          label: { 'zh-Hant': '已批准', pt: 'Aprovado', en: 'Approved' },
        },
      ],
    };

    // when
    const problems = checkServiceSheet(changed, form, bpmn);

    // then
    expect(problems).toEqual([
      'portalPersons: the start form has no field "partnerIdNumber"',
      'staffMessages: the model has no message "report-approved"',
      'staffMessages: the model has no element "waitApproval"',
    ]);
  });

  it('should refuse a call whose details repeat its own fields', () => {
    // when
    const parsed = serviceSheetSchema.safeParse({
      ...JSON.parse(read('public-consultation/service.json')),
      openCalls: {
        field: 'consultationRef',
        variable: 'consultation',
        calls: [
          {
            ref: 'CONS-2027-X',
            title: { 'zh-Hant': '諮詢', pt: 'Consulta', en: 'Consultation' },
            closesAt: '2027-01-01T00:00:00+08:00',
            details: { closesAt: 'tomorrow' },
          },
        ],
      },
    });

    // then
    expect(parsed.success).toBe(false);
  });
});
