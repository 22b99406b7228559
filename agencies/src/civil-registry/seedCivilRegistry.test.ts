import { describe, expect, it } from 'vitest';
import { kinshipOf } from './kinship';
import { seedCivilRegistry } from './seedCivilRegistry';

describe('seedCivilRegistry', () => {
  it('should build the same ~300 persons for the same seed and other ones for another seed', () => {
    // when
    const first = seedCivilRegistry(42);
    const again = seedCivilRegistry(42);
    const other = seedCivilRegistry(43);

    // then
    expect(first.persons.size).toBeGreaterThanOrEqual(300);
    expect(first.persons.size).toBeLessThan(330);
    expect([...again.persons.values()]).toEqual([...first.persons.values()]);
    expect([...other.persons.values()]).not.toEqual([...first.persons.values()]);
  });

  it('should keep family links consistent', () => {
    // given
    const data = seedCivilRegistry(7);
    const persons = [...data.persons.values()];

    // then: unique ID numbers of 8 digits starting with 1, 5 or 7
    const ids = persons.flatMap((p) => (p.idNumber === null ? [] : [p.idNumber]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[157]\d{7}$/);
    for (const p of persons) {
      // spouses point at each other and share an undissolved marriage record
      if (p.spouseId !== null) {
        const spouse = data.persons.get(p.spouseId)!;
        expect(spouse.spouseId).toBe(p.personId);
        expect(kinshipOf(data, p, spouse)).toBe('SPOUSE');
      }
      // parents exist and are older than their children
      for (const parentId of [p.fatherId, p.motherId]) {
        if (parentId === null) continue;
        const parent = data.persons.get(parentId)!;
        expect(parent.dateOfBirth < p.dateOfBirth).toBe(true);
      }
      expect(p.dateOfDeath !== null).toBe(data.deaths.has(p.personId));
    }
    expect(persons.some((p) => p.maritalStatus === 'WIDOWED')).toBe(true);
    expect(persons.some((p) => p.idNumber === null && p.passport !== null)).toBe(true);
  });
});
