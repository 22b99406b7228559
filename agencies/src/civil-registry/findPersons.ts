import { z } from 'zod';
import { normaliseIdNumber } from './idNumber';
import type { CivilRegistryData, Person } from './Person';

export const DocumentType = {
  MacaoId: 'MACAO_ID',
  Passport: 'PASSPORT',
  NonResidentWorkerCard: 'NON_RESIDENT_WORKER_CARD',
} as const;
export type DocumentType = (typeof DocumentType)[keyof typeof DocumentType];

export const documentTypeSchema = z.enum([
  DocumentType.MacaoId,
  DocumentType.Passport,
  DocumentType.NonResidentWorkerCard,
]);

/** All persons holding the document (passport numbers are unique only per country). */
export function findPersons(
  data: CivilRegistryData,
  documentType: DocumentType,
  documentNumber: string,
  nationality?: string,
): Person[] {
  const wanted = documentNumber.trim().toUpperCase();
  const persons = [...data.persons.values()];
  switch (documentType) {
    case DocumentType.MacaoId: {
      const id = normaliseIdNumber(wanted);
      return id === null ? [] : persons.filter((p) => p.idNumber === id);
    }
    case DocumentType.Passport:
      return persons.filter(
        (p) =>
          p.passport?.number === wanted &&
          (nationality === undefined || p.passport.country === nationality.toUpperCase()),
      );
    case DocumentType.NonResidentWorkerCard:
      return persons.filter((p) => p.nonResidentWorkerCardNumber === wanted);
  }
}

/** A person by registry id (`P0001`) or by Macao ID number in any usual spelling. */
export function findPersonByRef(data: CivilRegistryData, ref: string): Person | undefined {
  const byId = data.persons.get(ref.toUpperCase());
  if (byId !== undefined) return byId;
  const id = normaliseIdNumber(ref);
  return id === null ? undefined : [...data.persons.values()].find((p) => p.idNumber === id);
}
