/** Types the document store can recognise from the content itself. */
export const DocumentContentType = {
  Pdf: 'application/pdf',
  Png: 'image/png',
  Jpeg: 'image/jpeg',
  Gif: 'image/gif',
  Webp: 'image/webp',
  Tiff: 'image/tiff',
  Text: 'text/plain',
} as const;

export type DocumentContentType = (typeof DocumentContentType)[keyof typeof DocumentContentType];

/** Bytes of the start of a file that sniffing looks at. */
export const sniffLength = 4096;

export const extensionsByType: Record<DocumentContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'text/plain': ['txt'],
};

/**
 * The real type of a file from its first bytes, or undefined when it is none of ours.
 * Plain text is only reported when there are no binary bytes and nothing that a browser
 * would take for markup (an HTML page renamed `.txt` must not pass as text).
 */
export function sniffContentType(head: Buffer): DocumentContentType | undefined {
  const ascii = head.subarray(0, 12).toString('latin1');
  if (ascii.startsWith('%PDF-')) return DocumentContentType.Pdf;
  if (head.subarray(0, 8).equals(pngSignature)) return DocumentContentType.Png;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return DocumentContentType.Jpeg;
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return DocumentContentType.Gif;
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return DocumentContentType.Webp;
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return DocumentContentType.Tiff;
  if (head.length > 0 && isPlainText(head)) return DocumentContentType.Text;
  return undefined;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const markup = /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|meta|\?xml)/i;

function isPlainText(head: Buffer): boolean {
  for (const byte of head) {
    // control characters other than tab, line feed, form feed, carriage return
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d)
      return false;
    if (byte === 0x7f) return false;
  }
  const text = decodeUtf8(head);
  return text !== undefined && !markup.test(text);
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    // `stream`: the head may end inside a multi-byte character; that is not an error.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}
