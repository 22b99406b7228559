import { createHash } from 'node:crypto';

/**
 * Names for prepared statements. A named statement is parsed and planned once per connection and
 * then only bound and run, which halves PostgreSQL's CPU per engine command (the engine's SQL is
 * a few dozen large texts). Only the first `limit` distinct texts get a name: a caller that builds
 * texts from data must not fill every connection with statements that are never used again.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private renamed = 0;

  constructor(private readonly limit = 500) {}

  nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < this.limit) {
      name = `balcao_${digest(text)}`;
      this.names.set(text, name);
    }
    return name;
  }

  /**
   * A new name for a text whose prepared form PostgreSQL refuses (its result type changed under
   * it, e.g. `select *` after a migration on another node): the next use prepares it again.
   */
  rename(text: string): void {
    if (this.names.has(text)) this.names.set(text, `balcao_r${++this.renamed}_${digest(text)}`);
  }
}

const digest = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 20);
