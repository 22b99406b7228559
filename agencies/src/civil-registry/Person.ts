/** Civil registry reference data, as seeded at start (never changed at run time). */
export const CardType = { Permanent: 'PERMANENT', NonPermanent: 'NON_PERMANENT' } as const;
export type CardType = (typeof CardType)[keyof typeof CardType];

export const MaritalStatus = {
  Single: 'SINGLE',
  Married: 'MARRIED',
  Divorced: 'DIVORCED',
  Widowed: 'WIDOWED',
} as const;
export type MaritalStatus = (typeof MaritalStatus)[keyof typeof MaritalStatus];

export type Sex = 'M' | 'F';

export interface Person {
  personId: string;
  /** Macao resident identity card number, 8 digits; null for non-residents. */
  idNumber: string | null;
  cardType: CardType | null;
  passport: { number: string; country: string } | null;
  nonResidentWorkerCardNumber: string | null;
  name: { chinese: string | null; portuguese: string };
  sex: Sex;
  dateOfBirth: string;
  nationality: string;
  fatherId: string | null;
  motherId: string | null;
  spouseId: string | null;
  maritalStatus: MaritalStatus;
  dateOfDeath: string | null;
  /** A sealed record (e.g. protected witness): every lookup answers ACCESS_DENIED. */
  sealed: boolean;
}

export interface BirthRecord {
  registrationNumber: string;
  personId: string;
  dateOfBirth: string;
  placeOfBirth: string;
  fatherId: string | null;
  motherId: string | null;
}

export interface MarriageRecord {
  registrationNumber: string;
  spouseIds: [string, string];
  dateOfMarriage: string;
  place: string;
  /** Date of divorce; null while the marriage lasts (a death does not dissolve the record). */
  dissolvedOn: string | null;
}

export interface DeathRecord {
  registrationNumber: string;
  personId: string;
  dateOfDeath: string;
  place: string;
}

export interface CivilRegistryData {
  persons: Map<string, Person>;
  births: Map<string, BirthRecord>;
  marriages: MarriageRecord[];
  deaths: Map<string, DeathRecord>;
}
