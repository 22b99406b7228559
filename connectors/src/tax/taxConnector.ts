import { z } from 'zod';
import { agencyRequest } from '../runtime/agencyRequest';
import { defineConnector } from '../runtime/defineConnector';

export const taxInputSchema = z.object({
  taxpayerNumber: z
    .string()
    .regex(/^\d{7}\(?\d\)?$/, 'taxpayerNumber must be 8 digits, e.g. 12345678 or 1234567(8)'),
});

/**
 * Tax clearance at DSF. Every status (CLEAR, DEBT_OUTSTANDING, NOT_REGISTERED, MANUAL_REVIEW)
 * is an answer, not an error: the model decides. Its element template maps DEBT_OUTSTANDING
 * to the BPMN error `TAX_DEBT_OUTSTANDING` through `errorExpression`, which a model may edit.
 */
export const taxConnector = defineConnector({
  type: 'balcao:tax:1',
  input: taxInputSchema,
  async run(input, ctx) {
    const number = input.taxpayerNumber.replace(/[()]/g, '');
    const response = await agencyRequest(ctx.agencies.tax, ctx, {
      method: 'GET',
      path: `/clearance/${number}`,
    });
    return response.body;
  },
});

/** The default `errorExpression` of the tax template. */
export const taxDebtErrorExpression =
  '=if response.status = "DEBT_OUTSTANDING" then bpmnError("TAX_DEBT_OUTSTANDING", "Outstanding tax debts: MOP " + string(response.totalDebtMop), { taxClearance: response }) else null';
