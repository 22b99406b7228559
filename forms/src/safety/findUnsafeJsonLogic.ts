/**
 * JSONLogic is data, but Form.io registers most of lodash as `_name` operators, and some of
 * them (`_invoke`, `_method`, `_result`, `_flow`, …) call functions reached through the data,
 * e.g. `constructor.constructor` — that is `Function`, i.e. arbitrary code. So only the
 * operators below are accepted, at deploy and again whenever the server evaluates logic.
 */
const allowedOperators = new Set([
  // json-logic-js core (minus `log`, which writes to the console)
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '!',
  '!!',
  'and',
  'or',
  'if',
  '?:',
  'in',
  'cat',
  'substr',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'merge',
  'var',
  'missing',
  'missing_some',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  // Form.io date helpers
  'getDate',
  'relativeMinDate',
  'relativeMaxDate',
  // pure lodash helpers that take no functions
  '_size',
  '_isEmpty',
  '_includes',
  '_sum',
  '_round',
  '_floor',
  '_ceil',
  '_toNumber',
  '_toString',
  '_lowerCase',
  '_upperCase',
  '_trim',
  '_startsWith',
  '_endsWith',
  '_isEqual',
  '_uniq',
  '_compact',
  '_first',
  '_last',
]);

const forbiddenPathParts = new Set(['constructor', '__proto__', 'prototype']);

const maxDepth = 64;

/** Returns why `logic` is not acceptable, or undefined when every operator is allowed. */
export function findUnsafeJsonLogic(logic: unknown, depth = 0): string | undefined {
  if (depth > maxDepth) return `JSONLogic nested deeper than ${maxDepth} levels`;
  if (Array.isArray(logic)) {
    for (const item of logic) {
      const problem = findUnsafeJsonLogic(item, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (logic === null || typeof logic !== 'object') {
    return typeof logic === 'function' ? 'a function value' : undefined;
  }
  const entries = Object.entries(logic);
  // json-logic treats an object with exactly one key as an operation; others are literals.
  if (entries.length !== 1) {
    for (const [, value] of entries) {
      const problem = findUnsafeJsonLogic(value, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  const [operator, argument] = entries[0] as [string, unknown];
  if (!allowedOperators.has(operator)) return `JSONLogic operator "${operator}"`;
  if (operator === 'var' || operator === 'missing' || operator === 'missing_some') {
    const problem = findForbiddenPath(argument);
    if (problem !== undefined) return problem;
  }
  return findUnsafeJsonLogic(argument, depth + 1);
}

function findForbiddenPath(argument: unknown): string | undefined {
  const candidates = Array.isArray(argument) ? argument.flat() : [argument];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' && typeof candidate !== 'number') continue;
    const bad = String(candidate)
      .split('.')
      .find((part) => forbiddenPathParts.has(part));
    if (bad !== undefined) return `JSONLogic variable path through "${bad}"`;
  }
  return undefined;
}
