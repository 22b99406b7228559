-- The inbox filters tasks by process variables (`?var.caseRef=…`): the top-level string,
-- number and boolean variables a task saw when it entered the inbox. `@>` on this column uses
-- the GIN index; jsonb_path_ops keeps it small (containment is the only operator needed).
alter table inbox_task add column variables jsonb not null default '{}'::jsonb;
create index inbox_task_variables on inbox_task using gin (variables jsonb_path_ops);
