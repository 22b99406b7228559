import type pg from 'pg';

/** The group whose inbox the benchmark reads (the demo `dsi-clerk` works in it). */
export const benchGroup = 'dsi-crc-clerks';
const otherGroups = ['dsf-clerks', 'dsaj-registry-clerks', 'safp-translators'];

/**
 * Open inbox tasks in bulk, as the task sync would have stored them: `tasks` for the bench
 * group and as many again spread over other groups (which the clerk must not see), created
 * in turns, with varied priorities and deadlines. `camunda` tasks (Zeebe user tasks, as the
 * process library's) are rechecked with the engine by the sync every second; `job` tasks
 * (job-based user tasks) are not.
 */
export async function seedInbox(
  db: pg.ClientBase,
  tasks: number,
  kind: 'camunda' | 'job' = 'camunda',
): Promise<void> {
  await db.query(
    `insert into inbox_task (task_key, kind, process_id, process_instance_key, element_id, name,
        agency, candidate_groups, candidate_users, headers, priority, state, created_at, due_at)
     select (900000000000000 + g)::text, $4, 'criminal-record-certificate',
            (800000000000000 + g)::text, 'verify-record', 'Verify the record', 'DSI',
            case when g % 2 = 0 then array[$2::text] else array[($3::text[])[1 + g % 3]] end,
            '{}', '{}'::jsonb, g % 100, 'open',
            now() - make_interval(secs => g), now() + make_interval(hours => g % 720)
       from generate_series(1, $1 * 2) g`,
    [tasks, benchGroup, otherGroups, kind],
  );
  await db.query('analyze inbox_task');
}

/**
 * Applications of many citizens with their timelines and, for one in three, a certificate:
 * one in `share` belongs to `ownerId`
 * (the signed-in citizen), the rest to 50,000 other accounts. Numbers are those of past years
 * (`1990-DSI-000001` …), so they never meet the numbers new submissions get. Returns the
 * owner's application numbers.
 */
export async function seedApplications(
  db: pg.ClientBase,
  options: { applications: number; milestones: number; ownerId: string; share: number },
): Promise<string[]> {
  const { applications, milestones, ownerId, share } = options;
  const number = `(1990 + g / 100000)::text || '-DSI-' || lpad((g % 100000 + 1)::text, 6, '0')`;
  await db.query(
    `insert into application (id, number, process_id, agency, current_agency, owner_account_id,
        owner_login, status, data, language, instance_key, pledge_working_days, submitted_at,
        updated_at)
     select gen_random_uuid(), ${number}, 'criminal-record-certificate', 'DSI', 'DSI',
            case when g % $2 = 0 then $3 else 'bench-citizen-' || (g % 50000) end,
            case when g % $2 = 0 then 'citizen' else 'bench-citizen-' || (g % 50000) end,
            'in-progress', '{"purpose":"employment","idNumber":"12345678"}'::jsonb, 'en',
            (700000000000000 + g)::text, 10, now() - make_interval(mins => g), now()
       from generate_series(0, $1 - 1) g`,
    [applications, share, ownerId],
  );
  await db.query(
    `insert into application_milestone (application_id, source_key, element_id, label, agency,
        started_at, completed_at)
     select a.id, 'job:' || m, 'step-' || m,
            '{"zh-Hant":"處理中","pt":"Em tratamento","en":"In progress"}'::jsonb, 'DSI',
            a.submitted_at + make_interval(hours => m),
            case when m < $1 then a.submitted_at + make_interval(hours => m + 1) end
       from application a cross join generate_series(1, $1) m`,
    [milestones],
  );
  // A certificate issued for one application in three, as the document connector stores it.
  await db.query(
    `insert into application_document (verification_code, application_id, case_ref,
        idempotency_key, record, storage_path, issued_at)
     select 'BENCH-' || a.number, a.id, a.number, 'bench:' || a.number,
            '{"title":"Certificate","issuer":"DSI","fileName":"certificate.pdf","validUntil":null}',
            'bench/' || a.number || '.pdf', a.submitted_at + interval '3 days'
       from application a where a.instance_key::bigint % 3 = 0`,
  );
  for (const table of ['application', 'application_milestone', 'application_document'])
    await db.query(`analyze ${table}`);
  const { rows } = await db.query<{ number: string }>(
    'select number from application where owner_account_id = $1',
    [ownerId],
  );
  return rows.map((r) => r.number);
}

export async function accountId(db: pg.ClientBase, login: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('select id from account where login = $1', [
    login,
  ]);
  if (!rows[0]) throw new Error(`no account ${login}: are the demo accounts seeded?`);
  return rows[0].id;
}
