export const TaxStatus = {
  Clear: 'CLEAR',
  DebtOutstanding: 'DEBT_OUTSTANDING',
  NotRegistered: 'NOT_REGISTERED',
  ManualReview: 'MANUAL_REVIEW',
} as const;
export type TaxStatus = (typeof TaxStatus)[keyof typeof TaxStatus];

/** Macao tax types, named after DSF's taxes. */
export const TaxType = {
  ComplementaryIncome: 'COMPLEMENTARY_INCOME_TAX',
  Professional: 'PROFESSIONAL_TAX',
  Property: 'PROPERTY_TAX',
  Industrial: 'INDUSTRIAL_TAX',
  Stamp: 'STAMP_DUTY',
} as const;
export type TaxType = (typeof TaxType)[keyof typeof TaxType];

export interface TaxDebt {
  taxType: TaxType;
  year: number;
  amountMop: number;
  inEnforcement: boolean;
}

export interface Taxpayer {
  taxpayerNumber: string;
  kind: 'PERSON' | 'COMPANY';
  name: { chinese: string | null; portuguese: string };
  status: Exclude<TaxStatus, 'NOT_REGISTERED'>;
  debts: TaxDebt[];
  /** Why a clerk must look at it, for MANUAL_REVIEW. */
  reviewReason: string | null;
}
