import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgencies, type RunningAgencies } from '../startAgencies';
import { callAgency } from '../testing/callAgency';
import { DemoTaxpayer } from './seedTaxpayers';

describe('tax (DSF) stand-in', () => {
  let agencies: RunningAgencies;

  beforeAll(async () => {
    agencies = await startAgencies();
  });

  afterAll(async () => {
    await agencies.close();
  });

  it.each([
    [DemoTaxpayer.clearPerson, 'CLEAR', 'PERSON'],
    [DemoTaxpayer.debtPerson, 'DEBT_OUTSTANDING', 'PERSON'],
    [DemoTaxpayer.reviewPerson, 'MANUAL_REVIEW', 'PERSON'],
    [DemoTaxpayer.notRegisteredPerson, 'NOT_REGISTERED', null],
    [DemoTaxpayer.clearCompany, 'CLEAR', 'COMPANY'],
    [DemoTaxpayer.debtCompany, 'DEBT_OUTSTANDING', 'COMPANY'],
    [DemoTaxpayer.reviewCompany, 'MANUAL_REVIEW', 'COMPANY'],
    [DemoTaxpayer.notRegisteredCompany, 'NOT_REGISTERED', null],
  ])('should answer the clearance of demo taxpayer %s with %s', async (number, status, kind) => {
    // when
    const reply = await callAgency(agencies, 'tax', `/clearance/${number}`);

    // then
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ taxpayerNumber: number, status, kind });
  });

  it('should list the debts with tax type, year, amount and enforcement', async () => {
    // when
    const reply = await callAgency(agencies, 'tax', `/clearance/${DemoTaxpayer.debtPerson}`);

    // then
    expect(reply.body).toMatchObject({
      totalDebtMop: 6834,
      certificateNumber: null,
      debts: [
        { taxType: 'PROPERTY_TAX', year: 2023, amountMop: 1234, inEnforcement: false },
        { taxType: 'PROFESSIONAL_TAX', year: 2022, amountMop: 5600, inEnforcement: true },
      ],
    });
  });

  it('should accept an ID number in display form and issue a certificate number when clear', async () => {
    // when
    const reply = await callAgency(
      agencies,
      'tax',
      `/clearance/${encodeURIComponent('1234567(8)')}`,
    );

    // then
    expect(reply.body).toMatchObject({ taxpayerNumber: '12345678', status: 'CLEAR' });
    expect(reply.body.certificateNumber).toMatch(/^DSF-CND-\d{8}-[0-9A-F]{6}$/);
  });

  it('should reject a malformed taxpayer number with a field error', async () => {
    // when
    const reply = await callAgency(agencies, 'tax', '/clearance/12AB');

    // then
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'taxpayerNumber' }] },
    });
  });

  it('should clear a taxpayer who settles the debts, once', async () => {
    // given a company with MOP 51,250 of debts
    const path = `/debts/${DemoTaxpayer.debtCompany}/settlement`;

    // when it pays them at DSF (twice with the same key, as a retry would)
    const paid = await callAgency(agencies, 'tax', path, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'settle-80000002' },
    });
    const retried = await callAgency(agencies, 'tax', path, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'settle-80000002' },
    });
    const again = await callAgency(agencies, 'tax', path, { method: 'POST' });
    const unknown = await callAgency(
      agencies,
      'tax',
      `/debts/${DemoTaxpayer.notRegisteredPerson}/settlement`,
      { method: 'POST' },
    );
    const clearance = await callAgency(agencies, 'tax', `/clearance/${DemoTaxpayer.debtCompany}`);

    // then
    expect(paid).toMatchObject({
      status: 200,
      body: { taxpayerNumber: DemoTaxpayer.debtCompany, status: 'CLEAR', settledMop: 51_250 },
    });
    expect(retried.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again).toMatchObject({
      status: 409,
      body: { error: { code: 'INVALID_STATUS_TRANSITION' } },
    });
    expect(unknown.status).toBe(404);
    expect(clearance.body).toMatchObject({ status: 'CLEAR', debts: [], totalDebtMop: 0 });
    expect(clearance.body.certificateNumber).toMatch(/^DSF-CND-/);
  });

  it('should reject a wrong API key with 401', async () => {
    // when
    const reply = await callAgency(agencies, 'tax', `/clearance/${DemoTaxpayer.clearPerson}`, {
      headers: { 'X-Api-Key': 'not-the-key' },
    });

    // then
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });
});
