import type { CivilRegistryData } from '../civil-registry/Person';
import { registryReferenceYear } from '../civil-registry/seedCivilRegistry';
import { seededRandom, type Random } from '../random/seededRandom';
import { TaxType, type TaxDebt, type Taxpayer } from './Taxpayer';

/** Fixed demo taxpayers, documented in agencies/README.md. */
export const DemoTaxpayer = {
  clearPerson: '12345678',
  debtPerson: '51234567',
  reviewPerson: '70000001',
  notRegisteredPerson: '19999999',
  clearCompany: '80000001',
  debtCompany: '80000002',
  reviewCompany: '80000003',
  notRegisteredCompany: '80000009',
} as const;

const companyNames: readonly [string, string][] = [
  ['澳門示範貿易有限公司', 'Companhia de Comércio Demonstração de Macau, Limitada'],
  ['南灣建築工程有限公司', 'Companhia de Construção Nam Van, Limitada'],
  ['氹仔餐飲有限公司', 'Restauração Taipa, Limitada'],
  ['路環資訊科技有限公司', 'Tecnologias de Informação Coloane, Limitada'],
  ['新馬路物業管理有限公司', 'Administração de Propriedades Almeida Ribeiro, Limitada'],
  ['媽閣旅遊有限公司', 'Agência de Viagens Barra, Limitada'],
];

/**
 * Adult residents are taxpayers under their ID number (most CLEAR, some with debts or
 * under review); companies have 8-digit numbers starting with 8 so they never collide.
 */
export function seedTaxpayers(seed: number, registry: CivilRegistryData): Map<string, Taxpayer> {
  const random = seededRandom(seed ^ 0x7a5);
  const taxpayers = new Map<string, Taxpayer>();
  for (const person of registry.persons.values()) {
    const age = registryReferenceYear - Number(person.dateOfBirth.slice(0, 4));
    if (person.idNumber === null || person.dateOfDeath !== null || age < 18 || person.sealed)
      continue;
    const draw = random.next();
    if (draw < 0.05) continue; // never registered with DSF
    const base = { taxpayerNumber: person.idNumber, kind: 'PERSON' as const, name: person.name };
    taxpayers.set(
      person.idNumber,
      draw < 0.15 ? withDebts(base, random) : draw < 0.2 ? inReview(base) : clear(base),
    );
  }
  // 80000001–80000009 are kept for the demo taxpayers.
  for (let i = 10; i <= 40; i++) {
    const [chinese, portuguese] = random.pick(companyNames);
    const base = {
      taxpayerNumber: `8${String(i).padStart(7, '0')}`,
      kind: 'COMPANY' as const,
      name: { chinese: `${chinese}（${i}）`, portuguese: `${portuguese} (${i})` },
    };
    const draw = random.next();
    taxpayers.set(
      base.taxpayerNumber,
      draw < 0.15 ? withDebts(base, random) : draw < 0.2 ? inReview(base) : clear(base),
    );
  }
  addDemoTaxpayers(taxpayers);
  return taxpayers;
}

type Base = Pick<Taxpayer, 'taxpayerNumber' | 'kind' | 'name'>;

function clear(base: Base): Taxpayer {
  return { ...base, status: 'CLEAR', debts: [], reviewReason: null };
}

function inReview(base: Base): Taxpayer {
  return {
    ...base,
    status: 'MANUAL_REVIEW',
    debts: [],
    reviewReason: 'Objection to an assessment is pending.',
  };
}

function withDebts(base: Base, random: Random): Taxpayer {
  const types = Object.values(TaxType);
  const debts: TaxDebt[] = Array.from({ length: random.int(1, 3) }, () => ({
    taxType: random.pick(types),
    year: random.int(2018, 2024),
    amountMop: random.int(300, 90_000),
    inEnforcement: random.chance(0.3),
  }));
  return { ...base, status: 'DEBT_OUTSTANDING', debts, reviewReason: null };
}

function addDemoTaxpayers(taxpayers: Map<string, Taxpayer>): void {
  const person = (taxpayerNumber: string, chinese: string, portuguese: string): Base => ({
    taxpayerNumber,
    kind: 'PERSON',
    name: { chinese, portuguese },
  });
  const company = (taxpayerNumber: string, index: number): Base => {
    const [chinese, portuguese] = companyNames[index] ?? ['', ''];
    return { taxpayerNumber, kind: 'COMPANY', name: { chinese, portuguese } };
  };
  taxpayers.set(
    DemoTaxpayer.clearPerson,
    clear(person(DemoTaxpayer.clearPerson, '陳大文', 'CHAN TAI MAN')),
  );
  taxpayers.set(DemoTaxpayer.debtPerson, {
    ...person(DemoTaxpayer.debtPerson, '李小美', 'LEI SIO MEI'),
    status: 'DEBT_OUTSTANDING',
    debts: [
      { taxType: 'PROPERTY_TAX', year: 2023, amountMop: 1234, inEnforcement: false },
      { taxType: 'PROFESSIONAL_TAX', year: 2022, amountMop: 5600, inEnforcement: true },
    ],
    reviewReason: null,
  });
  taxpayers.set(
    DemoTaxpayer.reviewPerson,
    inReview(person(DemoTaxpayer.reviewPerson, '何偉', 'HO WAI')),
  );
  taxpayers.delete(DemoTaxpayer.notRegisteredPerson);
  taxpayers.delete(DemoTaxpayer.notRegisteredCompany);
  taxpayers.set(DemoTaxpayer.clearCompany, clear(company(DemoTaxpayer.clearCompany, 0)));
  taxpayers.set(DemoTaxpayer.debtCompany, {
    ...company(DemoTaxpayer.debtCompany, 1),
    status: 'DEBT_OUTSTANDING',
    debts: [
      { taxType: 'INDUSTRIAL_TAX', year: 2024, amountMop: 3000, inEnforcement: false },
      { taxType: 'COMPLEMENTARY_INCOME_TAX', year: 2023, amountMop: 48_250, inEnforcement: true },
    ],
    reviewReason: null,
  });
  taxpayers.set(DemoTaxpayer.reviewCompany, inReview(company(DemoTaxpayer.reviewCompany, 2)));
}
