/** One instruction of a Dockerfile, continuation lines joined (`RUN a \` + `b` → `a b`). */
export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** `ARG name=default` lines before the first FROM, used to resolve `FROM ${NAME}`. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

/**
 * Reads a Dockerfile into its stages, so tests can check what each stage does. It understands
 * what our Dockerfile uses (comments, `\` continuations, `FROM x AS name`, global ARGs), not
 * every corner of the format such as heredocs or escape directives.
 */
export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const { keyword, args } of instructionsOf(text)) {
    if (keyword === 'FROM') {
      const match = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!match?.[1]) throw new Error(`Unreadable FROM line: ${args}`);
      const from = match[1].replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a?: string, b?: string) => {
        const name = a ?? b ?? '';
        return globalArgs[name] ?? '';
      });
      stages.push({ name: match[2] ?? String(stages.length), from, instructions: [] });
      continue;
    }
    const current = stages.at(-1);
    if (current) current.instructions.push({ keyword, args });
    else if (keyword === 'ARG') {
      const [name = '', value = ''] = args.split('=', 2);
      globalArgs[name.trim()] = value.trim();
    }
  }
  return { globalArgs, stages };
}

function instructionsOf(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    // Comment lines inside a continued instruction are dropped, as Docker does.
    if (pending !== '' && line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const full = `${pending}${line}`.trim();
    pending = '';
    if (full === '') continue;
    const space = full.search(/\s/);
    instructions.push({
      keyword: (space < 0 ? full : full.slice(0, space)).toUpperCase(),
      args: space < 0 ? '' : full.slice(space + 1).trim(),
    });
  }
  return instructions;
}
