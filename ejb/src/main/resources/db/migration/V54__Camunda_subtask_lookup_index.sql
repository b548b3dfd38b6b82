-- Camunda 7's schema has no index on ACT_RU_TASK.PARENT_TASK_ID_, yet the engine looks a task's subtasks up by
-- it each time a task ends (selectTasksByParentTaskId, from TaskEntity's deletion): a full scan of every open
-- task at every completed one. Measured in session 10 (slow log, 16 clients): 242 rows read per lookup after
-- 40 s of load, 62 % of all the rows the application's statements read, growing with the open tasks (every
-- waiting chat and every report in review holds one). An index of our own, named apart from Camunda's, which
-- its upgrade scripts leave alone.
CREATE INDEX RELAIS_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_);
