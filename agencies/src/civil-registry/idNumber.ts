/** Macao resident ID numbers: 8 digits, the first 1, 5 or 7, shown `1234567(8)`. */
const idPattern = /^([157]\d{6})\(?(\d)\)?$/;

/** `1234567(8)`, `12345678` or `1234567 (8)` → `12345678`; null when it is not an ID number. */
export function normaliseIdNumber(text: string): string | null {
  const match = idPattern.exec(text.replace(/\s+/g, ''));
  return match === null ? null : `${match[1]}${match[2]}`;
}

export function displayIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 7)}(${idNumber.slice(7)})`;
}

export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 4)}XXXX`;
}
