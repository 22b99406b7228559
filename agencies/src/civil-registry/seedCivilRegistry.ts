import { seededRandom, type Random } from '../random/seededRandom';
import { addDemoPersons, DemoPerson } from './demoPersons';
import { randomName, randomSurname, type Surname } from './names';
import type { CivilRegistryData, Person, Sex } from './Person';
import { RegistryBuilder } from './RegistryBuilder';

/** Seeded data are "as of" this day, so they never change with the clock. */
export const registryReferenceYear = 2025;

/**
 * About 300 persons in families of up to three generations, plus a few non-residents,
 * always the same for the same seed. The demo persons come first (P0001…P0010).
 */
export function seedCivilRegistry(seed: number, target = 300): CivilRegistryData {
  const random = seededRandom(seed);
  const builder = new RegistryBuilder([DemoPerson.unknownIdNumber]);
  addDemoPersons(builder);
  while (builder.size < target - 12) addFamily(builder, random);
  for (let i = 0; builder.size < target; i++) addNonResident(builder, random, i);
  return builder.data;
}

function addFamily(builder: RegistryBuilder, random: Random): void {
  const surname = randomSurname(random);
  const fatherYear = random.int(1938, 1962);
  const father = addResident(builder, random, surname, 'M', fatherYear, null, null);
  const mother = addResident(
    builder,
    random,
    randomSurname(random),
    'F',
    fatherYear + random.int(-2, 6),
    null,
    null,
  );
  const marriageYear = Math.max(fatherYear, yearOf(mother)) + random.int(22, 30);
  builder.marry(father, mother, date(random, marriageYear));
  const children = random.int(1, 4);
  for (let i = 0; i < children; i++) {
    const birthYear = Math.min(marriageYear + 1 + i * random.int(1, 4), 2012);
    const sex: Sex = random.chance(0.5) ? 'M' : 'F';
    const child = addResident(builder, random, surname, sex, birthYear, father, mother);
    if (registryReferenceYear - birthYear >= 24 && random.chance(0.6)) {
      addChildFamily(builder, random, child, surname);
    }
  }
  if (random.chance(0.35)) builder.die(father, date(random, random.int(fatherYear + 55, 2024)));
  if (random.chance(0.2)) builder.die(mother, date(random, random.int(yearOf(mother) + 60, 2024)));
}

function addChildFamily(
  builder: RegistryBuilder,
  random: Random,
  child: Person,
  familySurname: Surname,
): void {
  const childYear = yearOf(child);
  const spouseSex: Sex = child.sex === 'M' ? 'F' : 'M';
  const spouseSurname = randomSurname(random);
  const spouse = addResident(
    builder,
    random,
    spouseSurname,
    spouseSex,
    childYear + random.int(-3, 3),
    null,
    null,
  );
  const marriageYear = Math.min(childYear + random.int(24, 32), 2024);
  const marriage = builder.marry(child, spouse, date(random, marriageYear));
  const [father, mother] = child.sex === 'M' ? [child, spouse] : [spouse, child];
  const surname = child.sex === 'M' ? familySurname : spouseSurname;
  const grandchildren = random.int(0, 3);
  for (let i = 0; i < grandchildren; i++) {
    const birthYear = marriageYear + 1 + i * 2;
    if (birthYear > 2024) break;
    addResident(
      builder,
      random,
      surname,
      random.chance(0.5) ? 'M' : 'F',
      birthYear,
      father,
      mother,
    );
  }
  if (random.chance(0.1)) builder.divorce(marriage, date(random, Math.min(marriageYear + 8, 2024)));
}

function addResident(
  builder: RegistryBuilder,
  random: Random,
  surname: Surname,
  sex: Sex,
  birthYear: number,
  father: Person | null,
  mother: Person | null,
): Person {
  // Born in Macao: 1 or 5 (permanent); a few came later on a non-permanent card (7).
  const bornHere = father !== null || random.chance(0.8);
  const firstDigit = bornHere ? random.pick(['1', '5']) : random.pick(['5', '7']);
  return builder.add(
    {
      idNumber: uniqueNumber(builder, () => `${firstDigit}${digits(random, 7)}`),
      cardType: firstDigit === '7' ? 'NON_PERMANENT' : 'PERMANENT',
      passport: null,
      nonResidentWorkerCardNumber: null,
      nationality: 'CHN',
      name: randomName(random, surname, sex),
      sex,
      dateOfBirth: date(random, birthYear),
      fatherId: father?.personId ?? null,
      motherId: mother?.personId ?? null,
    },
    bornHere ? 'Macau' : random.pick(['Zhuhai', 'Hong Kong', 'Guangzhou']),
  );
}

const nonResidentOrigins: readonly { country: string; names: readonly string[] }[] = [
  { country: 'PHL', names: ['JOSE DELA CRUZ', 'ANA REYES BAUTISTA', 'MARK SANTOS GARCIA'] },
  { country: 'VNM', names: ['NGUYEN VAN AN', 'TRAN THI MAI', 'LE VAN HUNG'] },
  { country: 'PRT', names: ['PEDRO ALMEIDA COSTA', 'RITA SOUSA PEREIRA'] },
  { country: 'IDN', names: ['SITI RAHAYU', 'BUDI SANTOSO'] },
];

function addNonResident(builder: RegistryBuilder, random: Random, index: number): void {
  const origin = random.pick(nonResidentOrigins);
  const worker = index % 2 === 0;
  builder.add(
    {
      idNumber: null,
      cardType: null,
      passport: {
        number: `${origin.country.slice(0, 1)}${digits(random, 8)}`,
        country: origin.country,
      },
      nonResidentWorkerCardNumber: worker
        ? uniqueNumber(builder, () => `W${digits(random, 7)}`)
        : null,
      nationality: origin.country,
      name: { chinese: null, portuguese: random.pick(origin.names) },
      sex: random.chance(0.5) ? 'M' : 'F',
      dateOfBirth: date(random, random.int(1970, 2000)),
      fatherId: null,
      motherId: null,
    },
    origin.country,
  );
}

function uniqueNumber(builder: RegistryBuilder, make: () => string): string {
  for (;;) {
    const candidate = make();
    if (!builder.isUsed(candidate)) return candidate;
  }
}

function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(random.int(0, 9));
  return text;
}

function date(random: Random, year: number): string {
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function yearOf(person: Person): number {
  return Number(person.dateOfBirth.slice(0, 4));
}
