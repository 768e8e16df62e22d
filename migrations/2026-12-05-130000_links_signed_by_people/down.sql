-- Nothing to restore: the cleared names are still in the audit trail, and a link with no author
-- shown reads as one made before gaptrack kept its author.
SELECT 1;
