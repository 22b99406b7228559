import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgencies, type RunningAgencies } from '../startAgencies';
import { callAgency } from '../testing/callAgency';
import { DemoPerson } from './demoPersons';

const audit = 'purpose=verify%20identity&caseNumber=CASE-1';
const requester = { 'X-Requester': 'clerk.chan@dsaj' };

describe('civil registry stand-in', () => {
  let agencies: RunningAgencies;

  beforeAll(async () => {
    agencies = await startAgencies();
  });

  afterAll(async () => {
    await agencies.close();
  });

  const lookup = (query: string, headers: Record<string, string> = requester) =>
    callAgency(agencies, 'civil-registry', `/persons/lookup?${query}`, { headers });

  it('should find the demo citizen by ID number in display form', async () => {
    // when
    const reply = await lookup(`documentNumber=${encodeURIComponent('1234567(8)')}&${audit}`);

    // then
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      result: 'FOUND',
      person: {
        personId: DemoPerson.citizen.personId,
        idNumberDisplay: '1234567(8)',
        idNumberMasked: '1234XXXX',
        cardType: 'PERMANENT',
        name: { chinese: '陳大文', portuguese: 'CHAN TAI MAN' },
        maritalStatus: 'MARRIED',
        spouseId: DemoPerson.spouse.personId,
      },
    });
  });

  it('should answer NOT_FOUND with 404 for an unknown ID number', async () => {
    // when
    const reply = await lookup(`documentNumber=${DemoPerson.unknownIdNumber}&${audit}`);

    // then
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ result: 'NOT_FOUND' });
  });

  it('should deny access to a sealed record with 403', async () => {
    // when
    const reply = await lookup(`documentNumber=${DemoPerson.sealed.idNumber}&${audit}`);

    // then
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ result: 'ACCESS_DENIED' });
  });

  it('should answer MULTIPLE_MATCHES for a shared passport number until nationality narrows it', async () => {
    // given
    const passport = `documentType=PASSPORT&documentNumber=${DemoPerson.sharedPassport.number}`;

    // when
    const ambiguous = await lookup(`${passport}&${audit}`);
    const narrowed = await lookup(`${passport}&nationality=PHL&${audit}`);

    // then
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body).toMatchObject({ result: 'MULTIPLE_MATCHES', matches: 2 });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body).toMatchObject({ person: { nonResidentWorkerCardNumber: 'W1234567' } });
  });

  it('should find a non-resident worker by card number with a POST lookup', async () => {
    // when
    const reply = await callAgency(agencies, 'civil-registry', '/persons/lookup', {
      body: {
        documentType: 'NON_RESIDENT_WORKER_CARD',
        documentNumber: DemoPerson.nonResidentWorker.cardNumber,
        purpose: 'work permit check',
        caseNumber: 'CASE-2',
        requester: 'dsal',
      },
    });

    // then
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      person: { personId: DemoPerson.nonResidentWorker.personId },
    });
  });

  it('should reject a lookup without purpose and caseNumber, naming both fields', async () => {
    // when
    const reply = await lookup(`documentNumber=12345678`);

    // then
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: [
          { path: 'purpose', message: 'purpose is required' },
          { path: 'caseNumber', message: 'caseNumber is required' },
        ],
      },
    });
  });

  it('should reject a lookup without a requester', async () => {
    // when
    const reply = await lookup(`documentNumber=12345678&${audit}`, {});

    // then
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { fields: [{ path: 'requester' }] } });
  });

  it('should reject a request without the API key or with another agency key', async () => {
    // when
    const missing = await fetch(
      `${agencies.urls['civil-registry']}/persons/lookup?documentNumber=1`,
    );
    const wrong = await lookup(`documentNumber=12345678&${audit}`, {
      ...requester,
      'X-Api-Key': agencies.apiKeys.tax,
    });

    // then
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(wrong.status).toBe(401);
  });

  it('should serve matching marriage records for both spouses', async () => {
    // when
    const husband = await callAgency<{ records: { registrationNumber: string }[] }>(
      agencies,
      'civil-registry',
      `/persons/${DemoPerson.citizen.idNumber}/marriage-records?${audit}`,
      { headers: requester },
    );
    const wife = await callAgency<{ records: { registrationNumber: string }[] }>(
      agencies,
      'civil-registry',
      `/persons/${DemoPerson.spouse.personId}/marriage-records?${audit}`,
      { headers: requester },
    );

    // then
    expect(husband.body.records).toHaveLength(1);
    expect(wife.body.records).toEqual(husband.body.records);
  });

  it('should serve birth records with parents and death records only for the deceased', async () => {
    // when
    const birth = await callAgency(
      agencies,
      'civil-registry',
      `/persons/P0005/birth-record?${audit}`,
      {
        headers: requester,
      },
    );
    const death = await callAgency(
      agencies,
      'civil-registry',
      `/persons/P0003/death-record?${audit}`,
      {
        headers: requester,
      },
    );
    const noDeath = await callAgency(
      agencies,
      'civil-registry',
      `/persons/P0004/death-record?${audit}`,
      {
        headers: requester,
      },
    );

    // then
    expect(birth.body).toMatchObject({ record: { fatherId: 'P0001', motherId: 'P0002' } });
    expect(death.body).toMatchObject({ record: { dateOfDeath: '2020-11-03' } });
    expect(noDeath.status).toBe(404);
  });

  it('should deny the records and kinship of a sealed person too', async () => {
    // when
    const birth = await callAgency(
      agencies,
      'civil-registry',
      `/persons/${DemoPerson.sealed.personId}/birth-record?${audit}`,
      {
        headers: requester,
      },
    );
    const kinship = await callAgency(
      agencies,
      'civil-registry',
      `/kinship?personA=P0001&personB=${DemoPerson.sealed.personId}&${audit}`,
      {
        headers: requester,
      },
    );

    // then
    expect(birth.status).toBe(403);
    expect(kinship.body).toEqual({ result: 'ACCESS_DENIED' });
  });

  it.each([
    ['P0003', 'P0001', 'PARENT'],
    ['P0001', 'P0003', 'CHILD'],
    ['P0001', 'P0002', 'SPOUSE'],
    ['P0001', 'P0006', 'SIBLING'],
    ['P0001', 'P0008', 'NONE'],
  ])('should say that %s is %s of %s', async (a, b, relation) => {
    // when
    const reply = await callAgency(
      agencies,
      'civil-registry',
      `/kinship?personA=${a}&personB=${b}&${audit}`,
      {
        headers: requester,
      },
    );

    // then
    expect(reply.body).toMatchObject({ relation });
  });

  it('should log every lookup with requester, purpose and case number', async () => {
    // given
    await lookup(`documentNumber=12345678&purpose=audit%20test&caseNumber=CASE-LOG`);

    // when
    const log = await callAgency<{ entries: unknown[] }>(
      agencies,
      'civil-registry',
      '/access-log?caseNumber=CASE-LOG',
    );

    // then
    expect(log.body.entries).toEqual([
      expect.objectContaining({
        requester: 'clerk.chan@dsaj',
        purpose: 'audit test',
        caseNumber: 'CASE-LOG',
        operation: 'LOOKUP',
        result: 'FOUND',
      }),
    ]);
  });
});
