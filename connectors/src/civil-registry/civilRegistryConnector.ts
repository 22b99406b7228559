import { z } from 'zod';
import { agencyRequest } from '../runtime/agencyRequest';
import { BpmnError } from '../runtime/ConnectorError';
import { defineConnector } from '../runtime/defineConnector';

/** BPMN error codes the civil-registry connector throws; models catch them by code. */
export const CivilRegistryError = {
  PersonNotFound: 'PERSON_NOT_FOUND',
  MultipleMatches: 'PERSON_MULTIPLE_MATCHES',
  AccessDenied: 'PERSON_ACCESS_DENIED',
  RecordNotFound: 'RECORD_NOT_FOUND',
} as const;

// Every read must say who, why and for which case: the registry writes it to its access log.
const audit = {
  requester: z.string().min(1, 'requester is required (who asks: clerk or service id)'),
  purpose: z.string().min(1, 'purpose is required (why the record is read)'),
  caseNumber: z.string().min(1, 'caseNumber is required (the application reference)'),
};
const person = z.string().min(1, 'person is required (personId or ID number)');

export const civilRegistryInputSchema = z.discriminatedUnion('operation', [
  z.object({
    operation: z.literal('lookupPerson'),
    documentType: z.enum(['MACAO_ID', 'PASSPORT', 'NON_RESIDENT_WORKER_CARD']).default('MACAO_ID'),
    documentNumber: z.string().min(1, 'documentNumber is required'),
    nationality: z.string().length(3, 'nationality is an ISO alpha-3 code such as PRT').optional(),
    ...audit,
  }),
  z.object({ operation: z.literal('birthRecord'), person, ...audit }),
  z.object({ operation: z.literal('marriageRecords'), person, ...audit }),
  z.object({ operation: z.literal('deathRecord'), person, ...audit }),
  z.object({ operation: z.literal('kinship'), personA: person, personB: person, ...audit }),
]);

export type CivilRegistryInput = z.infer<typeof civilRegistryInputSchema>;

/** Person lookup, birth / marriage / death records and kinship at the civil registry (DSAJ / DSI). */
export const civilRegistryConnector = defineConnector({
  type: 'balcao:civil-registry:1',
  input: civilRegistryInputSchema,
  async run(input, ctx) {
    const { path, query } = requestFor(input);
    const response = await agencyRequest(ctx.agencies.civilRegistry, ctx, {
      method: 'GET',
      path,
      query: { ...query, purpose: input.purpose, caseNumber: input.caseNumber },
      headers: { 'x-requester': input.requester },
      accept: [403, 404, 409],
    });
    const body = response.body as Record<string, unknown>;
    if (response.status === 404) {
      const code =
        input.operation === 'lookupPerson' || input.operation === 'kinship'
          ? CivilRegistryError.PersonNotFound
          : CivilRegistryError.RecordNotFound;
      throw new BpmnError(
        code,
        `The civil registry has no match for ${input.operation} in case ${input.caseNumber}.`,
        { civilRegistryResult: 'NOT_FOUND' },
      );
    }
    if (response.status === 403) {
      throw new BpmnError(
        CivilRegistryError.AccessDenied,
        'The record is sealed; a registrar must handle this case.',
        { civilRegistryResult: 'ACCESS_DENIED' },
      );
    }
    if (response.status === 409) {
      throw new BpmnError(
        CivilRegistryError.MultipleMatches,
        'Several persons match; ask for the nationality and look up again.',
        { civilRegistryResult: 'MULTIPLE_MATCHES' },
      );
    }
    return body;
  },
});

function requestFor(input: CivilRegistryInput): {
  path: string;
  query: Record<string, string | undefined>;
} {
  switch (input.operation) {
    case 'lookupPerson':
      return {
        path: '/persons/lookup',
        query: {
          documentType: input.documentType,
          documentNumber: input.documentNumber,
          nationality: input.nationality,
        },
      };
    case 'birthRecord':
      return { path: `/persons/${encodeURIComponent(input.person)}/birth-record`, query: {} };
    case 'marriageRecords':
      return { path: `/persons/${encodeURIComponent(input.person)}/marriage-records`, query: {} };
    case 'deathRecord':
      return { path: `/persons/${encodeURIComponent(input.person)}/death-record`, query: {} };
    case 'kinship':
      return { path: '/kinship', query: { personA: input.personA, personB: input.personB } };
  }
}
