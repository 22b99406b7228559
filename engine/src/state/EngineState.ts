import { Store } from './Store';
import { rowId, tables, type RowOf, type TableName } from './tables';

export type Stores = { [N in TableName]: Store<RowOf<N>> };

/**
 * The unit of work of one command: the state rows it loaded and the rows its events
 * changed. Only event appliers write to it; `flushState` writes the net changes back.
 */
export class EngineState {
  readonly stores: Stores;

  constructor() {
    const stores: Partial<Record<TableName, Store<unknown>>> = {};
    for (const name of Object.keys(tables) as TableName[]) {
      const t = tables[name];
      stores[name] = new Store((row: unknown) => rowId(t as never, row as never));
    }
    this.stores = stores as Stores;
  }

  get processInstances() {
    return this.stores.processInstances;
  }
  get elementInstances() {
    return this.stores.elementInstances;
  }
  get variables() {
    return this.stores.variables;
  }
  get jobs() {
    return this.stores.jobs;
  }
  get timers() {
    return this.stores.timers;
  }
  get messageSubscriptions() {
    return this.stores.messageSubscriptions;
  }
  get incidents() {
    return this.stores.incidents;
  }
  get userTasks() {
    return this.stores.userTasks;
  }
  get messages() {
    return this.stores.messages;
  }
}
