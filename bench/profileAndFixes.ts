/**
 * What profiling the engine path found and what was fixed, with counts that do not depend on
 * the load of the machine. Prose kept beside the generator so every rerun of the report keeps
 * it; update it when the hot path changes.
 */
export const profileAndFixes = `## Profile and fixes (engine through the gateway)

Measured on shape (a) with a CPU profile of the node (\`node --cpu-prof\`) and a count of the
statements, round trips and transactions each instance costs (a counting wrapper around the
database, engine and gateway in one process). The machine was shared with four other sessions
(load average 8–20), so the rates of those runs are not comparable; the counts are.

| per instance of (a), PostgreSQL | before | after |
| --- | ---: | ---: |
| round trips to PostgreSQL, 32 clients | 10.4 | 4.2 |
| round trips to PostgreSQL, one client | 18.4 | 8 |
| transactions, 32 clients | 2.06 | 2.06 |
| round trips of a create / a job activation / a job completion | 4 / 5 / 6 | 2 / 2 / 2 |

- **Round trips were the cost.** A fifth of the node's CPU went to writing to the PostgreSQL
  socket, one write per round trip, and under load every round trip also waits for the
  database's process to be scheduled. The connections now run in pipeline mode (node-postgres):
  BEGIN goes out with a command's first statement, the tree's lock with its load (the load
  still runs after the lock is held, so it reads what the previous command committed), and
  the flush of state and events with COMMIT. Commands on a job, user task, element, incident
  or timer find their tree with SQL sent along with the lock and the load, and an activation
  takes the jobs (\`FOR UPDATE SKIP LOCKED\`) and reads their variables in one statement.
  Durability is unchanged: the answer goes out after COMMIT returns, and a COMMIT that
  PostgreSQL turned into a rollback now fails the command.
- **Not the suspects:** job activation does not poll: a command that creates jobs wakes the
  long-polling \`ActivateJobs\` of this node at once (other nodes through LISTEN/NOTIFY);
  \`CreateProcessInstanceWithResult\` is answered from the command that ends the instance,
  without reading the log; the loopback gateway authenticates nothing; a job activation is one
  statement for the whole batch.
- **Left as found:** the standard SDK worker (\`createWorker\`) asks for jobs again only at its
  next poll tick, 300 ms after a batch (\`ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS\`), so with few
  clients an instance waits up to 300 ms for its job whatever the engine does; the SDK
  gzip-compresses every request (4 % of the node's CPU decompresses them); the SDK's own
  process used about 4 ms of CPU per instance, the node 7–8 ms.
- **NOTIFY after commit.** A command that created jobs sent NOTIFY inside its transaction,
  which PostgreSQL serialises at commit (a lock held through the commit's flush to disk), and
  the node woke its own workers a second time on hearing it. Job types are now announced
  after commit, at most one NOTIFY per 5 ms (under load one for many commands; with a single
  client it is one more small commit per created job, off the client's path), and a node
  ignores its own.
`;
