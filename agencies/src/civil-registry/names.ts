import type { Random } from '../random/seededRandom';
import type { Sex } from './Person';

// Common Macao surnames with their Cantonese romanisation as printed on Macao ID cards.
const surnames: readonly [string, string][] = [
  ['陳', 'CHAN'],
  ['黃', 'WONG'],
  ['梁', 'LEONG'],
  ['李', 'LEI'],
  ['何', 'HO'],
  ['林', 'LAM'],
  ['張', 'CHEONG'],
  ['劉', 'LAO'],
  ['蔡', 'CHOI'],
  ['楊', 'IEONG'],
  ['馮', 'FONG'],
  ['周', 'CHAO'],
  ['蘇', 'SOU'],
  ['吳', 'NG'],
  ['郭', 'KUOK'],
  ['鄭', 'CHEANG'],
  ['區', 'AO'],
  ['譚', 'TAM'],
];

const givenMale: readonly [string, string][] = [
  ['偉', 'WAI'],
  ['明', 'MENG'],
  ['文', 'MAN'],
  ['俊', 'CHON'],
  ['強', 'KEONG'],
  ['志', 'CHI'],
  ['國', 'KUOK'],
  ['浩', 'HOU'],
  ['家', 'KA'],
  ['健', 'KIN'],
  ['輝', 'FAI'],
  ['東', 'TONG'],
];

const givenFemale: readonly [string, string][] = [
  ['美', 'MEI'],
  ['玲', 'LENG'],
  ['麗', 'LAI'],
  ['欣', 'IAN'],
  ['秀', 'SAO'],
  ['敏', 'MAN'],
  ['婷', 'TENG'],
  ['詠', 'WENG'],
  ['嘉', 'KA'],
  ['慧', 'WAI'],
  ['儀', 'I'],
  ['芳', 'FONG'],
];

// Macanese families keep Portuguese names; their Chinese names are transliterations.
const macaneseSurnames: readonly [string, string][] = [
  ['施', 'SENNA FERNANDES'],
  ['飛', 'FERREIRA'],
  ['馬', 'MARQUES'],
  ['高', 'GOMES'],
];
const macaneseGiven: Record<Sex, readonly [string, string][]> = {
  M: [
    ['安', 'ANTÓNIO'],
    ['若', 'JOSÉ'],
    ['文', 'MIGUEL'],
    ['路', 'LUÍS'],
  ],
  F: [
    ['瑪', 'MARIA'],
    ['安', 'ANA'],
    ['莉', 'ISABEL'],
    ['珊', 'SUSANA'],
  ],
};

export interface Surname {
  chinese: string;
  portuguese: string;
  macanese: boolean;
}

export function randomSurname(random: Random): Surname {
  if (random.chance(0.08)) {
    const [chinese, portuguese] = random.pick(macaneseSurnames);
    return { chinese, portuguese, macanese: true };
  }
  const [chinese, portuguese] = random.pick(surnames);
  return { chinese, portuguese, macanese: false };
}

/** A full name in Chinese and in Portuguese/romanised form, e.g. 陳大文 / CHAN TAI MAN. */
export function randomName(
  random: Random,
  surname: Surname,
  sex: Sex,
): { chinese: string; portuguese: string } {
  if (surname.macanese) {
    const [chineseGiven, portugueseGiven] = random.pick(macaneseGiven[sex]);
    return {
      chinese: `${surname.chinese}${chineseGiven}`,
      portuguese: `${portugueseGiven} ${surname.portuguese}`,
    };
  }
  const pool = sex === 'M' ? givenMale : givenFemale;
  const [c1, p1] = random.pick(pool);
  const [c2, p2] = random.pick(pool);
  return {
    chinese: `${surname.chinese}${c1}${c2}`,
    portuguese: `${surname.portuguese} ${p1} ${p2}`,
  };
}
