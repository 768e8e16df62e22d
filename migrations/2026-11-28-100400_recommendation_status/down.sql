DROP FUNCTION recommendation_statuses(INTEGER, TEXT, UUID);
DROP FUNCTION counting_links(INTEGER, TEXT, UUID);
