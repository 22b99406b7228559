import { displayIdNumber, maskIdNumber } from './idNumber';
import type { CivilRegistryData, Person } from './Person';

/** The person as the registry answers it (the sealed flag stays inside). */
export function presentPerson(data: CivilRegistryData, person: Person) {
  const children = [...data.persons.values()]
    .filter((p) => p.fatherId === person.personId || p.motherId === person.personId)
    .map((p) => p.personId);
  return {
    personId: person.personId,
    idNumber: person.idNumber,
    idNumberDisplay: person.idNumber === null ? null : displayIdNumber(person.idNumber),
    idNumberMasked: person.idNumber === null ? null : maskIdNumber(person.idNumber),
    cardType: person.cardType,
    passport: person.passport,
    nonResidentWorkerCardNumber: person.nonResidentWorkerCardNumber,
    name: person.name,
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    nationality: person.nationality,
    maritalStatus: person.maritalStatus,
    deceased: person.dateOfDeath !== null,
    dateOfDeath: person.dateOfDeath,
    fatherId: person.fatherId,
    motherId: person.motherId,
    spouseId: person.spouseId,
    childrenIds: children,
  };
}
