-- A link's author is shown in documents meant for donors: a person or a key, never the command
-- line (the demo's links read "Linked by command line: serve: first start"). The audit trail
-- keeps naming the command line; only the names shown beside links are cleared.
UPDATE links SET linked_by = NULL WHERE linked_by LIKE 'command line:%';
UPDATE links SET changed_by = NULL WHERE changed_by LIKE 'command line:%';
