import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LintFinding {
  rule: string;
  elementId: string | undefined;
  category: string;
  message: string;
}

const require = createRequire(import.meta.url);
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;
const configFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.bpmnlintrc');

/**
 * Lints one model with the library's `.bpmnlintrc`, as the modeler's lint panel would:
 * moddle with the Zeebe extension, so `zeebe:*` elements count.
 */
export async function lintBpmn(xml: string | Buffer): Promise<LintFinding[]> {
  const { rootElement, warnings } = await new BpmnModdle({ zeebe }).fromXML(xml.toString());
  const findings: LintFinding[] = warnings.map((w) => ({
    rule: 'moddle',
    elementId: w.element?.id,
    category: 'error',
    message: w.message,
  }));
  const linter = new Linter({
    config: JSON.parse(readFileSync(configFile, 'utf8')),
    resolver: new NodeResolver({ require }),
  });
  for (const [rule, reports] of Object.entries(await linter.lint(rootElement)))
    for (const r of reports)
      findings.push({ rule, elementId: r.id, category: r.category, message: r.message });
  return findings;
}
