/**
 * The rows of one table that a command has loaded or written. Rows are replaced, never
 * mutated, so comparing references finds what changed; a row written and removed within
 * the same command never reaches the database.
 */
export class Store<Row> {
  private readonly original = new Map<string, Row>();
  private readonly current = new Map<string, Row>();
  /** Rows removed without being loaded first (deleted by key). */
  private readonly blindDeletes = new Map<string, Row>();

  constructor(private readonly idOf: (row: Row) => string) {}

  /** Rows as the database has them (before this command). */
  load(rows: Iterable<Row>): void {
    for (const row of rows) {
      const id = this.idOf(row);
      this.original.set(id, row);
      this.current.set(id, row);
    }
  }

  get(id: string | number): Row | undefined {
    return this.current.get(String(id));
  }

  has(id: string | number): boolean {
    return this.current.has(String(id));
  }

  put(row: Row): void {
    this.current.set(this.idOf(row), row);
  }

  /** Replaces a row with a changed copy; the row must exist. */
  update(id: string | number, change: Partial<Row>): Row {
    const row = this.current.get(String(id));
    if (!row) throw new Error(`no row ${id} to update`);
    const next = { ...row, ...change };
    this.current.set(String(id), next);
    return next;
  }

  delete(id: string | number): void {
    this.current.delete(String(id));
  }

  /** Deletes a row whether or not this command loaded it. */
  remove(row: Row): void {
    const id = this.idOf(row);
    if (this.original.has(id)) this.current.delete(id);
    else if (this.current.has(id)) this.current.delete(id);
    else this.blindDeletes.set(id, row);
  }

  values(): IterableIterator<Row> {
    return this.current.values();
  }

  filter(predicate: (row: Row) => boolean): Row[] {
    return [...this.current.values()].filter(predicate);
  }

  find(predicate: (row: Row) => boolean): Row | undefined {
    for (const row of this.current.values()) if (predicate(row)) return row;
    return undefined;
  }

  changes(): { inserts: Row[]; updates: Row[]; deletes: Row[] } {
    const inserts: Row[] = [];
    const updates: Row[] = [];
    const deletes: Row[] = [];
    for (const [id, row] of this.current) {
      const before = this.original.get(id);
      if (before === undefined) inserts.push(row);
      else if (before !== row) updates.push(row);
    }
    for (const [id, row] of this.original) if (!this.current.has(id)) deletes.push(row);
    for (const [id, row] of this.blindDeletes) if (!this.current.has(id)) deletes.push(row);
    return { inserts, updates, deletes };
  }
}
