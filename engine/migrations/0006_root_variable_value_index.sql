-- The process instance search's `variables` filter finds instances by a root-scope variable's
-- value (e.g. the application number a start recorded as `caseRef`), finished instances
-- included, so it reads variable events. The value is indexed by its hash: a btree entry must
-- stay small and values may be whole documents. Building it reads the whole event log once.
create index engine_event_root_variable on engine_event ((value->>'name'), md5((value->'value')::text))
  where value_type = 'VARIABLE' and (value->>'scopeKey')::bigint = process_instance_key;
