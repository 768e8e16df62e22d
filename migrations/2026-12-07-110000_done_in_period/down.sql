DROP FUNCTION done_in_period(text, date, date, date, date);
