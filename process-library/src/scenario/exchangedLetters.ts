import type { RunningAgencies } from '@balcao/agencies';

export interface ExchangedLetter {
  id: string;
  senderDepartment: string;
  receiverDepartment: string;
  classification: string;
  subject: string;
  body: string;
  status: string;
  attachments: { name: string; sha256: string; size: number }[];
  evidence: { documentHash: string; receiptId: string; deliveredAt: string } | null;
}

/** The letters of a case at the stand-in document exchange, ordered by receiver. */
export async function exchangedLetters(
  agencies: RunningAgencies,
  caseRef: string,
): Promise<ExchangedLetter[]> {
  const url = `${agencies.urls['document-exchange']}/letters?caseRef=${encodeURIComponent(caseRef)}`;
  const headers = { 'x-api-key': agencies.apiKeys['document-exchange'] ?? '' };
  // A kept-alive socket the stand-in has just closed resets the first read: ask once more.
  const res = await fetch(url, { headers }).catch(() => fetch(url, { headers }));
  if (!res.ok) throw new Error(`Listing the letters of ${caseRef} answered ${res.status}.`);
  const { letters } = (await res.json()) as { letters: ExchangedLetter[] };
  return letters.sort((a, b) => a.receiverDepartment.localeCompare(b.receiverDepartment));
}
