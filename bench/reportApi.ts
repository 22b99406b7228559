import type { ApiLoadFigures } from './apiLoad';
import type { LoadFigures } from './httpLoad';
import type { LiveFigures } from './liveUpdates';

export interface ApiSettings {
  tasks: number;
  applications: number;
  milestones: number;
  seconds: number;
  inboxRate: number;
  trackingRate: number;
  submitters: number;
}

export interface LiveSettings {
  sockets: number;
  events: number;
}

const targets = { inbox: 50, tracking: 20, live: 250 };

/** The sections of docs/benchmarks.md for the `api` and `live` suites. */
export function renderApiSections(r: {
  api?: { settings: ApiSettings; figures: ApiLoadFigures };
  live?: { settings: LiveSettings; runs: LiveFigures[] };
}): string {
  return `
## The HTTP API under load

${r.api ? apiSection(r.api.settings, r.api.figures) : 'Not measured in this run (suite `api`).'}

## Live updates

${r.live ? liveSection(r.live.settings, r.live.runs) : 'Not measured in this run (suite `live`).'}
${findings}`;
}

function apiSection(s: ApiSettings, f: ApiLoadFigures): string {
  const row = (what: string, load: LoadFigures, target?: number) =>
    `| ${what} | ${load.targetRate ?? 'as fast as answered'} | ${load.requestsPerSecond} | ${load.p50} | ${load.p99} | ${load.max} | ${load.errors}${statuses(load)} | ${target === undefined ? '–' : `≤ ${target} ms: ${load.p99 <= target ? 'met' : '**missed**'}`} |`;
  return `A Balcão node started as \`npm start\` starts it (its own process, \`TRUST_PROXY=true\`, the process
library deployed) on a fresh database on the PostgreSQL server, seeded in bulk with SQL:
${s.tasks.toLocaleString('en')} open tasks of the clerks' group \`dsi-crc-clerks\` (and as many of other groups) and
${s.applications.toLocaleString('en')} applications of 50,000 citizens with ${s.milestones} milestones each (one
application in a thousand is the demo citizen's). [autocannon](https://github.com/mcollina/autocannon) sends
the requests for ${s.seconds} s each (after a 2 s warm-up) with the session cookie of the signed-in clerk or
citizen; each request comes from its own \`X-Forwarded-For\` address, as many clients behind a proxy would, so the
per-address rate limit (600/min) does not answer instead of the server.

- **inbox**: \`GET /api/tasks?view=all&sort=createdAt&pageSize=20&page=1…10\` as \`dsi-clerk\`, at a fixed rate;
- **tracking**: \`GET /api/applications/:number\` (timeline, documents, what is owed; audited as a read of
  personal data) of the citizen's own applications, at a fixed rate;
- **submission**: \`POST /api/applications\` of P1 (criminal record certificate) with a valid form: server-side
  Form.io validation, the application, its notice and audit row, then the process instance started in the
  engine; ${s.submitters} clients, each sending the next when answered (the highest rate).

Latency is autocannon's, per request from sending to the whole answer; at a fixed rate each connection waits
for its answer before the next, so a slow server lowers the rate achieved instead of queueing.

| request | rate asked /s | rate achieved /s | p50 ms | p99 ms | max ms | errors | target |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${row('inbox (group with ' + s.tasks.toLocaleString('en') + ' open tasks)', f.inbox, targets.inbox)}
${row('tracking (' + s.applications.toLocaleString('en') + ' applications)', f.tracking, targets.tracking)}
${row('submission of P1', f.submission)}`;
}

function statuses(load: LoadFigures): string {
  const codes = Object.entries(load.statuses).map(([code, n]) => `${n}× ${code}`);
  return codes.length ? ` (${codes.join(', ')})` : '';
}

function liveSection(s: LiveSettings, runs: LiveFigures[]): string {
  const rows = runs.map(
    (f) =>
      `| ${f.nodes === 1 ? 'one node' : `${f.nodes} nodes, Redis adapter`} | ${f.sockets} | ${f.events} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.missed} | ≤ ${targets.live} ms: ${f.p99 <= targets.live ? 'met' : '**missed**'} |`,
  );
  return `${s.sockets} socket.io clients (WebSocket transport) in the benchmark's process sign in with four sessions
per node of the clerk \`dsi-clerk\`, so all are in the room of the group \`dsi-crc-clerks\`. The clerk claims a
task of that group through the API (\`POST /api/tasks/:id/claim\`, then \`…/unclaim\`, alternating, ${s.events}
times); each socket notes when its \`task.updated\` event arrives. Latency runs from sending the API request
to a socket holding the event, so it includes the request itself and the client process reading
${s.sockets} WebSocket frames one after another. With two nodes (\`REDIS_URL\`, each node started as
\`npm start\` on the same database), half the sockets are on each, and the claim goes to the first.

| nodes | sockets | events | p50 ms | p95 ms | p99 ms | missed | target |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}`;
}

/** What the API benchmark found, and what changed (before / after on the same machine). */
const findings = `
### Settings

\`BENCH_SUITES=engine,api,live\` (all by default) picks the suites. The API suite: \`BENCH_API_TASKS\`
(100000), \`BENCH_API_APPLICATIONS\` (1000000), \`BENCH_API_MILESTONES\` (3), \`BENCH_API_SECONDS\` (10),
\`BENCH_API_INBOX_RATE\` (200), \`BENCH_API_TRACKING_RATE\` (500), \`BENCH_API_SUBMITTERS\` (16). The live
suite: \`BENCH_LIVE_SOCKETS\` (1000), \`BENCH_LIVE_EVENTS\` (20), \`REDIS_URL\` (redis://127.0.0.1:6379). Both
need the PostgreSQL server (\`DATABASE_URL\`); they create and drop their own databases.
`;
