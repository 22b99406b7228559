import { reject } from '../commands/EngineRejection';

/**
 * The largest variable value, and the largest variables document a client may send, as JSON
 * bytes. Instance state is loaded whole for every command, so big values slow every step;
 * files belong in the document store, with only their reference in a variable.
 */
export const MAX_VARIABLE_BYTES = 2 * 1024 * 1024;

/** Refuses a command that would store a value over MAX_VARIABLE_BYTES. */
export function checkVariableSize(name: string, json: string): void {
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_VARIABLE_BYTES) throw tooLarge(`variable '${name}'`, bytes);
}

/** The rejection for a variables document (or one variable) over the limit. */
export function tooLarge(what: string, bytes: number) {
  return reject.invalidArgument(
    `Expected ${what} to be at most ${megabytes(MAX_VARIABLE_BYTES)} as JSON, but it is ${megabytes(bytes)}: keep files and large content in the document store and put only their reference in a variable.`,
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
