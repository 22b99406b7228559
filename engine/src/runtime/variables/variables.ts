import { ValueType } from '../../log/EngineEvent';
import type { VariableRow } from '../../state/rows';
import type { CommandContext } from '../context/CommandContext';
import { checkVariableSize } from './variableLimits';

/** The scope chain of an element instance: itself, its flow scope, …, the process instance. */
export function scopeChain(ctx: CommandContext, scopeKey: number): number[] {
  const chain: number[] = [];
  let key: number | null = scopeKey;
  while (key !== null) {
    chain.push(key);
    key = ctx.state.elementInstances.get(key)?.flowScopeKey ?? null;
  }
  return chain;
}

/** Variables an element instance sees: its own, then its scopes' (the nearest wins). */
export function visibleVariables(ctx: CommandContext, scopeKey: number): Record<string, unknown> {
  const chain = scopeChain(ctx, scopeKey);
  const depth = new Map(chain.map((key, i) => [key, i]));
  const found = new Map<string, { depth: number; value: unknown }>();
  for (const variable of ctx.state.variables.values()) {
    const d = depth.get(variable.scopeKey);
    if (d === undefined) continue;
    const seen = found.get(variable.name);
    if (!seen || d < seen.depth) found.set(variable.name, { depth: d, value: variable.value });
  }
  const result: Record<string, unknown> = {};
  for (const [name, { value }] of found) result[name] = value;
  return result;
}

/** Sets variables in exactly this scope. */
export function setLocalVariables(
  ctx: CommandContext,
  scopeKey: number,
  processInstanceKey: number,
  variables: Record<string, unknown>,
): void {
  for (const [name, value] of Object.entries(variables)) {
    const existing = findVariable(ctx, scopeKey, name);
    writeVariable(ctx, existing, { scopeKey, processInstanceKey, name, value });
  }
}

/**
 * Zeebe's propagation: each variable goes up from `fromScopeKey` to the nearest scope that
 * has a variable of that name and updates it there; if no scope has it, it is created in the
 * process instance's scope.
 */
export function propagateVariables(
  ctx: CommandContext,
  fromScopeKey: number,
  processInstanceKey: number,
  variables: Record<string, unknown>,
): void {
  const chain = scopeChain(ctx, fromScopeKey);
  const root = chain[chain.length - 1]!;
  for (const [name, value] of Object.entries(variables)) {
    let target: VariableRow | undefined;
    for (const scopeKey of chain) {
      target = findVariable(ctx, scopeKey, name);
      if (target) break;
    }
    writeVariable(ctx, target, {
      scopeKey: target?.scopeKey ?? root,
      processInstanceKey,
      name,
      value,
    });
  }
}

function findVariable(
  ctx: CommandContext,
  scopeKey: number,
  name: string,
): VariableRow | undefined {
  return ctx.state.variables.find((v) => v.scopeKey === scopeKey && v.name === name);
}

function writeVariable(
  ctx: CommandContext,
  existing: VariableRow | undefined,
  v: { scopeKey: number; processInstanceKey: number; name: string; value: unknown },
): void {
  const value = v.value === undefined ? null : v.value;
  const json = JSON.stringify(value) ?? 'null';
  checkVariableSize(v.name, json);
  if (existing) {
    if (JSON.stringify(existing.value) === json) return;
    ctx.emit(ValueType.Variable, 'UPDATED', existing.key, { ...v, value }, v.processInstanceKey);
  } else {
    ctx.emit(ValueType.Variable, 'CREATED', ctx.nextKey(), { ...v, value }, v.processInstanceKey);
  }
}
