-- The rule the call-for-information pack and the country page share: what counts as done in a
-- reporting period.

-- Whether an intervention's status and dates show it was done during the period from p_from to
-- p_to: it is active or completed (planned work is not an action yet; cancelled work never
-- happened), and it started by the period's end and ended in or after its start; or it started
-- by the period's end and is still active, with no end yet; or it ended within the period. Work
-- whose dates cannot place it in the period is never counted as done in it. One definition for
-- the call-for-information pack and the country page's note on the period the next report
-- assesses; an expression PostgreSQL inlines into the queries that call it.
CREATE OR REPLACE FUNCTION public.done_in_period(p_status text, p_started_on date, p_ended_on date, p_from date, p_to date)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$
    SELECT p_status IN ('active', 'completed')
       AND ((p_started_on <= p_to AND p_ended_on >= p_from)
            OR (p_started_on <= p_to AND p_ended_on IS NULL AND p_status = 'active')
            OR p_ended_on BETWEEN p_from AND p_to)
$function$;
