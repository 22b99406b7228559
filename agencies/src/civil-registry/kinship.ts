import type { CivilRegistryData, Person } from './Person';

export const Kinship = {
  Parent: 'PARENT',
  Child: 'CHILD',
  Spouse: 'SPOUSE',
  Sibling: 'SIBLING',
  None: 'NONE',
} as const;
export type Kinship = (typeof Kinship)[keyof typeof Kinship];

/**
 * What `a` is to `b`: PARENT means a is b's parent. Spouse means a marriage that was not
 * dissolved by divorce; siblings share at least one parent.
 */
export function kinshipOf(data: CivilRegistryData, a: Person, b: Person): Kinship {
  if (a.personId === b.personId) return Kinship.None;
  if (b.fatherId === a.personId || b.motherId === a.personId) return Kinship.Parent;
  if (a.fatherId === b.personId || a.motherId === b.personId) return Kinship.Child;
  const married = data.marriages.some(
    (m) =>
      m.dissolvedOn === null &&
      m.spouseIds.includes(a.personId) &&
      m.spouseIds.includes(b.personId),
  );
  if (married) return Kinship.Spouse;
  const sharesParent =
    (a.fatherId !== null && a.fatherId === b.fatherId) ||
    (a.motherId !== null && a.motherId === b.motherId);
  return sharesParent ? Kinship.Sibling : Kinship.None;
}
