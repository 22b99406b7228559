import type { CivilRegistryData, MarriageRecord, Person } from './Person';

type NewPerson = Omit<
  Person,
  'personId' | 'spouseId' | 'maritalStatus' | 'dateOfDeath' | 'sealed'
> &
  Partial<Pick<Person, 'sealed'>>;

/**
 * Builds a consistent registry: marriages set both spouses and a marriage record, deaths
 * widow the spouse and add a death record, births add a birth record.
 */
export class RegistryBuilder {
  readonly data: CivilRegistryData = {
    persons: new Map(),
    births: new Map(),
    marriages: [],
    deaths: new Map(),
  };
  private readonly usedNumbers = new Set<string>();

  constructor(reservedNumbers: Iterable<string> = []) {
    for (const n of reservedNumbers) this.usedNumbers.add(n);
  }

  get size(): number {
    return this.data.persons.size;
  }

  isUsed(documentNumber: string): boolean {
    return this.usedNumbers.has(documentNumber);
  }

  add(input: NewPerson, placeOfBirth = 'Macau'): Person {
    const personId = `P${String(this.data.persons.size + 1).padStart(4, '0')}`;
    const person: Person = {
      ...input,
      personId,
      spouseId: null,
      maritalStatus: 'SINGLE',
      dateOfDeath: null,
      sealed: input.sealed ?? false,
    };
    for (const n of [person.idNumber, person.nonResidentWorkerCardNumber]) {
      if (n !== null) this.usedNumbers.add(n);
    }
    this.data.persons.set(personId, person);
    if (person.idNumber !== null && placeOfBirth === 'Macau') {
      this.data.births.set(personId, {
        registrationNumber: `NASC-${person.dateOfBirth.slice(0, 4)}-${personId.slice(1)}`,
        personId,
        dateOfBirth: person.dateOfBirth,
        placeOfBirth,
        fatherId: person.fatherId,
        motherId: person.motherId,
      });
    }
    return person;
  }

  marry(a: Person, b: Person, dateOfMarriage: string): MarriageRecord {
    a.spouseId = b.personId;
    b.spouseId = a.personId;
    a.maritalStatus = 'MARRIED';
    b.maritalStatus = 'MARRIED';
    const record: MarriageRecord = {
      registrationNumber: `CAS-${dateOfMarriage.slice(0, 4)}-${String(this.data.marriages.length + 1).padStart(4, '0')}`,
      spouseIds: [a.personId, b.personId],
      dateOfMarriage,
      place: 'Macau',
      dissolvedOn: null,
    };
    this.data.marriages.push(record);
    return record;
  }

  divorce(record: MarriageRecord, dissolvedOn: string): void {
    record.dissolvedOn = dissolvedOn;
    for (const id of record.spouseIds) {
      const person = this.data.persons.get(id);
      if (person === undefined) continue;
      person.spouseId = null;
      person.maritalStatus = 'DIVORCED';
    }
  }

  die(person: Person, dateOfDeath: string): void {
    person.dateOfDeath = dateOfDeath;
    this.data.deaths.set(person.personId, {
      registrationNumber: `OB-${dateOfDeath.slice(0, 4)}-${person.personId.slice(1)}`,
      personId: person.personId,
      dateOfDeath,
      place: 'Macau',
    });
    const spouse = person.spouseId === null ? undefined : this.data.persons.get(person.spouseId);
    if (spouse !== undefined && spouse.dateOfDeath === null) spouse.maritalStatus = 'WIDOWED';
  }
}
