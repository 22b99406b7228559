-- A user task's completion time is its COMPLETED event (see userTaskQueries). Without this index
-- every user-task search scanned the whole event log once per task it returned.
create index engine_event_user_task_completed on engine_event (key)
  where value_type = 'USER_TASK' and intent = 'COMPLETED';
