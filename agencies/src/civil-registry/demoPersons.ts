import type { RegistryBuilder } from './RegistryBuilder';

/**
 * Fixed demo persons, documented in agencies/README.md; other parts' demos and tests rely
 * on them, so change them only together with the README.
 */
export const DemoPerson = {
  citizen: { personId: 'P0001', idNumber: '12345678' },
  spouse: { personId: 'P0002', idNumber: '51234567' },
  deceasedFather: { personId: 'P0003', idNumber: '10234561' },
  widowedMother: { personId: 'P0004', idNumber: '10234562' },
  child: { personId: 'P0005', idNumber: '12345679' },
  sister: { personId: 'P0006', idNumber: '13572468' },
  sealed: { personId: 'P0007', idNumber: '17777777' },
  nonPermanent: { personId: 'P0008', idNumber: '70000001' },
  /** Two persons hold passport E12345678 (Portugal and the Philippines). */
  sharedPassport: { number: 'E12345678', personIds: ['P0009', 'P0010'] },
  nonResidentWorker: { personId: 'P0010', cardNumber: 'W1234567' },
  /** A well-formed ID number that no one holds. */
  unknownIdNumber: '19999999',
} as const;

export function addDemoPersons(builder: RegistryBuilder): void {
  const resident = { passport: null, nonResidentWorkerCardNumber: null, nationality: 'CHN' };
  const citizen = builder.add({
    ...resident,
    idNumber: DemoPerson.citizen.idNumber,
    cardType: 'PERMANENT',
    name: { chinese: '陳大文', portuguese: 'CHAN TAI MAN' },
    sex: 'M',
    dateOfBirth: '1985-04-02',
    fatherId: 'P0003',
    motherId: 'P0004',
  });
  const spouse = builder.add({
    ...resident,
    idNumber: DemoPerson.spouse.idNumber,
    cardType: 'PERMANENT',
    name: { chinese: '李小美', portuguese: 'LEI SIO MEI' },
    sex: 'F',
    dateOfBirth: '1987-09-15',
    fatherId: null,
    motherId: null,
  });
  const father = builder.add({
    ...resident,
    idNumber: DemoPerson.deceasedFather.idNumber,
    cardType: 'PERMANENT',
    name: { chinese: '陳國強', portuguese: 'CHAN KUOK KEONG' },
    sex: 'M',
    dateOfBirth: '1955-01-20',
    fatherId: null,
    motherId: null,
  });
  const mother = builder.add({
    ...resident,
    idNumber: DemoPerson.widowedMother.idNumber,
    cardType: 'PERMANENT',
    name: { chinese: '黃美玲', portuguese: 'WONG MEI LENG' },
    sex: 'F',
    dateOfBirth: '1958-07-08',
    fatherId: null,
    motherId: null,
  });
  builder.add({
    ...resident,
    idNumber: DemoPerson.child.idNumber,
    cardType: 'PERMANENT',
    name: { chinese: '陳家浩', portuguese: 'CHAN KA HOU' },
    sex: 'M',
    dateOfBirth: '2015-03-10',
    fatherId: citizen.personId,
    motherId: spouse.personId,
  });
  builder.add({
    ...resident,
    idNumber: DemoPerson.sister.idNumber,
    cardType: 'PERMANENT',
    name: { chinese: '陳嘉欣', portuguese: 'CHAN KA IAN' },
    sex: 'F',
    dateOfBirth: '1989-12-01',
    fatherId: father.personId,
    motherId: mother.personId,
  });
  builder.add({
    ...resident,
    idNumber: DemoPerson.sealed.idNumber,
    cardType: 'PERMANENT',
    name: { chinese: '張志明', portuguese: 'CHEONG CHI MENG' },
    sex: 'M',
    dateOfBirth: '1979-06-30',
    fatherId: null,
    motherId: null,
    sealed: true,
  });
  builder.add(
    {
      ...resident,
      idNumber: DemoPerson.nonPermanent.idNumber,
      cardType: 'NON_PERMANENT',
      name: { chinese: '何偉', portuguese: 'HO WAI' },
      sex: 'M',
      dateOfBirth: '1992-02-29',
      fatherId: null,
      motherId: null,
    },
    'Zhuhai',
  );
  const nonResident = { idNumber: null, cardType: null, fatherId: null, motherId: null };
  builder.add(
    {
      ...nonResident,
      passport: { number: DemoPerson.sharedPassport.number, country: 'PRT' },
      nonResidentWorkerCardNumber: null,
      nationality: 'PRT',
      name: { chinese: null, portuguese: 'JOANA RIBEIRO SANTOS' },
      sex: 'F',
      dateOfBirth: '1990-05-12',
    },
    'Lisboa',
  );
  builder.add(
    {
      ...nonResident,
      passport: { number: DemoPerson.sharedPassport.number, country: 'PHL' },
      nonResidentWorkerCardNumber: DemoPerson.nonResidentWorker.cardNumber,
      nationality: 'PHL',
      name: { chinese: null, portuguese: 'MARIA SANTOS REYES' },
      sex: 'F',
      dateOfBirth: '1988-11-23',
    },
    'Manila',
  );
  builder.marry(citizen, spouse, '2012-06-16');
  builder.marry(father, mother, '1983-05-01');
  builder.die(father, '2020-11-03');
}
