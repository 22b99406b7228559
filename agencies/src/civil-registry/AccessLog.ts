/** One lookup in the civil registry: who asked, when, why, for which case, and the answer. */
export interface AccessLogEntry {
  id: string;
  at: string;
  requester: string;
  purpose: string;
  caseNumber: string;
  operation: 'LOOKUP' | 'BIRTH_RECORD' | 'MARRIAGE_RECORDS' | 'DEATH_RECORD' | 'KINSHIP';
  subject: string;
  result: string;
}
