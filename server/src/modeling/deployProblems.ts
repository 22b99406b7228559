/** One thing to fix before a deployment goes through, placed on the diagram when it can be. */
export interface DeployProblem {
  /** The resource's name as sent, e.g. `birth-registration.bpmn`. */
  resource: string;
  elementId?: string;
  message: string;
}

/**
 * Splits the engine's deploy rejection ("Expected to deploy new resources, but encountered the
 * following errors:\n'a.bpmn':\n- Task_1 "Check": …") into problems per element. A line names
 * an element when its first word is an id that the resource's XML declares.
 */
export function deployProblems(
  detail: string,
  resources: readonly { name: string; content: string }[],
): DeployProblem[] {
  const problems: DeployProblem[] = [];
  let current: { name: string; content: string } | undefined;
  for (const line of detail.split('\n')) {
    const header = /^'(.+?)':\s*(.*)$/.exec(line);
    if (header) {
      current = resources.find((r) => r.name === header[1]) ?? {
        name: header[1] ?? '',
        content: '',
      };
      if (header[2]) problems.push({ resource: current.name, message: header[2] });
      continue;
    }
    const item = /^- (.*)$/.exec(line);
    if (!item || !current) continue;
    const text = item[1] ?? '';
    const element = /^([A-Za-z_][\w.-]*)(?: "[^"]*")?: (.*)$/.exec(text);
    const id = element?.[1];
    if (id && current.content.includes(`id="${id}"`))
      problems.push({ resource: current.name, elementId: id, message: element[2] ?? text });
    else problems.push({ resource: current.name, message: text });
  }
  return problems;
}
