/** Saves text as a file through the browser (export). */
export function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a file the analyst picked (import). */
export function readFile(file: File): Promise<string> {
  return file.text();
}
