DROP FUNCTION country_page_reads(text, integer, text, date, date, uuid, real);
