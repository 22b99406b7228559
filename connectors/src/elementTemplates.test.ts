import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateZeebe } from '@bpmn-io/element-templates-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { civilRegistryConnector } from './civil-registry/civilRegistryConnector';
import { exchangeDocumentConnector } from './documents/exchangeDocumentConnector';
import { issueDocumentInputSchema } from './documents/issueDocumentConnector';
import { letterActionConnector } from './documents/letterActionConnector';
import { httpConnector } from './http/httpConnector';
import { notifyInputSchema } from './notify/notifyConnector';
import { paymentInputSchema } from './payment/paymentConnector';
import { taxConnector, taxDebtErrorExpression } from './tax/taxConnector';
import { workingDaysInputSchema } from './working-days/workingDaysConnector';

const dir = join(import.meta.dirname, '..', 'element-templates');
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));

interface Property {
  value?: string;
  binding: { type: string; name?: string; key?: string; property?: string };
}
interface Template {
  properties: Property[];
}
const load = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Template;

// Task type and input schema of each template's connector, to catch drift between the two.
const connectors: Record<string, { type: string; input: z.ZodType }> = {
  'civil-registry.json': civilRegistryConnector,
  'tax.json': taxConnector,
  'document-issue.json': { type: 'balcao:document-issue:1', input: issueDocumentInputSchema },
  'document-exchange.json': exchangeDocumentConnector,
  'document-exchange-action.json': letterActionConnector,
  'notify.json': { type: 'balcao:notify:1', input: notifyInputSchema },
  'payment.json': { type: 'balcao:payment:1', input: paymentInputSchema },
  'http.json': httpConnector,
  'working-days.json': { type: 'balcao:working-days:1', input: workingDaysInputSchema },
};

function inputKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodDiscriminatedUnion)
    return schema.options.flatMap((option) => inputKeys(option as z.ZodType));
  throw new Error('unexpected input schema');
}

describe('element templates', () => {
  it('should have one template per connector', () => {
    // then
    expect(files.sort()).toEqual(Object.keys(connectors).sort());
  });

  it.each(files)('should validate %s against the Zeebe element-template schema', (file) => {
    // given
    const source = readFileSync(join(dir, file), 'utf8');

    // when
    const result = validateZeebe(source);

    // then
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(files)('should bind %s to its connector type and input fields', (file) => {
    // given
    const template = load(file);
    const connector = connectors[file]!;

    // when
    const type = template.properties.find(
      (p) => p.binding.type === 'zeebe:taskDefinition' && p.binding.property === 'type',
    );
    const inputs = template.properties
      .filter((p) => p.binding.type === 'zeebe:input')
      .map((p) => p.binding.name!.split('.')[0]!);

    // then
    expect(type?.value).toBe(connector.type);
    expect(inputKeys(connector.input)).toEqual(expect.arrayContaining([...new Set(inputs)]));
  });

  it('should map tax debts to TAX_DEBT_OUTSTANDING by default', () => {
    // when
    const errorExpression = load('tax.json').properties.find(
      (p) => p.binding.key === 'errorExpression',
    );

    // then
    expect(errorExpression?.value).toBe(taxDebtErrorExpression);
  });
});
