/**
 * What profiling the engine path found and what was fixed, with counts that do not depend on
 * the load of the machine. Prose kept beside the generator so every rerun of the report keeps
 * it; update it when the hot path changes.
 */
export const profileAndFixes = `## Profile and fixes (engine through the gateway)

### Second round (2026-11-29, idle machine)

The first round left the node waiting: with the polling worker, an instance of (b) waited up to 300 ms at
each of its ten steps for the worker's next tick, so 32 clients could not keep two cores busy. With the
streaming worker (\`streamJobs\`) the machine is busy (load average 2) and the CPU time per instance, per
process (the table above), shows where it goes. Figures of single runs of 600 instances on the PostgreSQL
server, 32 clients, streaming worker:

| | (a) instances/s | (a) PostgreSQL CPU ms per instance | (b) instances/s | (b) PostgreSQL CPU ms per instance |
| --- | ---: | ---: | ---: | ---: |
| before | 99 | 8.2 | 19 | – |
| statements prepared once per connection | 130 | 3.7 | 27 | 31.8 |
| and JIT off, the completed-task index | 157 | 2.8 | 38 | 18.1 |

- **PostgreSQL parsed and planned every statement.** The engine's statements are a few dozen large texts
  (the tree's load, the flush of every changed table in one statement); parsing and planning them was
  half of PostgreSQL's CPU. Statements with parameters are now prepared once per connection (named by a
  hash of their text, at most 500 texts; one whose result type changed under it, after a migration by
  another node, is prepared again under a new name).
- **JIT compilation of a background query.** The inbox sync's user-task search read each task's
  completion time with a subquery on the event log that had no index; as the log grew its estimated
  cost crossed PostgreSQL's \`jit_above_cost\` and every sync second compiled it (40–55 ms of
  PostgreSQL CPU each time, found with \`auto_explain\`). Migration 0005 adds a partial index on
  completed user-task events, and Balcão's connections run with \`jit=off\` (its queries are short;
  a compile costs more than any of them).
- **The sync rechecked every open Zeebe user task each second** (500 searches a second at 100,000 open
  tasks, see the API section). It now asks about at most 2,000 per pass, oldest first, round robin:
  changes made through the inbox are applied when made; those made elsewhere are seen within
  open tasks / 2,000 seconds.
- **What bounds the rate now is the CPU of the three processes**, not waiting (see "Where the CPU
  goes": with the streaming worker on the PostgreSQL server the engine reaches about nine tenths of the
  rate the cores allow). The benchmark's own SDK clients need 2–4 ms per instance of (a) and 6–10 ms
  per instance of (b): on two cores they alone could not start more than roughly 500–1,000 and
  200–300 instances a second even with an engine that cost nothing. Target (a), 500 a second with the
  load generator on the same two cores, would leave the node and PostgreSQL together about 2 ms of CPU
  per instance, less than PostgreSQL alone spends now on an instance's statements and commits. In the node a third of the
  CPU was writing to sockets (one \`writev\` per statement to PostgreSQL, the gRPC answers), a tenth the
  SDK's gzip-compressed requests and the JSON of rows. Now a transaction's statements issued
  together leave in one write (BEGIN with the first ones, the last with COMMIT): in an A/B of two runs
  each (600 instances, streaming worker) the node's CPU per instance of (a) went from 5.9 / 3.3 to
  5.1 / 2.6 ms and the rate from 140 / 204 to 158 / 246 instances/s (the tables above include it). PGlite runs PostgreSQL inside the node's one
  thread (WebAssembly, one session): 13–18 ms of the node's CPU per instance of (a), the embedded
  database is for trying Balcão out, not for load.
- **A trap in the SDK** (@camunda8/sdk 8.8): its stream worker ends the stream by itself after the
  long-poll time plus a second (51 s by default) and does not open another, so a \`streamJobs\` worker
  silently stops receiving jobs after a minute. The benchmark passes \`requestTimeout: -1\`, which turns
  that timer off; an application should do the same or reopen the stream.

### First round (2026-11-28)

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
