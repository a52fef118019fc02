ALTER TABLE "hotline_daily_figures" ADD COLUMN "closed_dispatched" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_daily_figures" ADD COLUMN "closed_at_first_dispatch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "lead_dispatches" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "first_lead_unit_id" integer;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "reopened" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Written by hand from here on. 一次办结率: a closed request that was dispatched counts for the
-- unit of its first lead dispatch, on the day it closed; it was closed at that dispatch when it
-- had no other (a return is always followed by 改派 or 裁定 before a request can close) and was
-- never reopened. The facts sit on the request row (kept by the case type's effects), so the
-- same row functions serve the triggers and the rebuild, as in 0005.
ALTER TYPE hotline_figure_delta ADD ATTRIBUTE closed_dispatched int, ADD ATTRIBUTE closed_at_first_dispatch int;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hotline_dispatch_figures(d hotline_dispatches)
RETURNS SETOF hotline_figure_delta
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hotline_day(d.dispatched_at), d.unit_id, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE d.role = 'lead'
  UNION ALL
  SELECT hotline_day(d.returned_at), d.unit_id, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE d.role = 'lead' AND d.returned_at IS NOT NULL
  UNION ALL
  SELECT CASE WHEN d.contacted_at <= d.response_due_at THEN hotline_day(d.contacted_at) ELSE hotline_day(d.response_due_at) END,
    d.unit_id, 0, 0, 1, coalesce(d.contacted_at <= d.response_due_at, false)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE d.role = 'lead' AND (d.contacted_at IS NOT NULL OR d.response_lapsed OR d.replied_at IS NOT NULL)
  UNION ALL
  SELECT CASE WHEN d.replied_at <= d.due_at THEN hotline_day(d.replied_at) ELSE hotline_day(d.due_at) END,
    d.unit_id, 0, 0, 0, 0, 1, coalesce(d.replied_at <= d.due_at, false)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE d.role = 'lead' AND (d.replied_at IS NOT NULL OR d.handling_lapsed)
$$;
--> statement-breakpoint
-- Requests: 回复率 for the unit that answered, 一次办结率 for the unit first dispatched to,
-- both on the day the request was closed.
CREATE OR REPLACE FUNCTION hotline_request_figures(r hotline_requests)
RETURNS SETOF hotline_figure_delta
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hotline_day(r.closed_at), r.replied_by_unit_id, 0, 0, 0, 0, 0, 0, 1, (r.reply_text IS NOT NULL)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE r.closed_at IS NOT NULL AND r.replied_by_unit_id IS NOT NULL
  UNION ALL
  SELECT hotline_day(r.closed_at), r.first_lead_unit_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, (r.lead_dispatches = 1 AND NOT r.reopened)::int
  WHERE r.closed_at IS NOT NULL AND r.first_lead_unit_id IS NOT NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hotline_evaluation_figures(e hotline_evaluations)
RETURNS SETOF hotline_figure_delta
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hotline_day(e.at), e.unit_id, 0, 0, 0, 0, 0, 0, 0, 0, 1, e.resolved::int,
    (e.satisfaction = 'satisfied')::int, (e.satisfaction = 'basically_satisfied')::int,
    (e.source = 'citizen')::int, (e.source = 'citizen' AND e.satisfaction = 'satisfied')::int, 0, 0, 0, 0
  WHERE e.unit_id IS NOT NULL
  UNION ALL
  SELECT hotline_day(e.rectification_due_at), e.unit_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, coalesce(e.rectified_at <= e.rectification_due_at, false)::int, 0, 0
  WHERE e.unit_id IS NOT NULL AND e.rectification_due_at IS NOT NULL AND (e.rectified_at IS NOT NULL OR e.rectification_lapsed)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hotline_add_figures(added hotline_figure_delta[], removed hotline_figure_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hotline_daily_figures AS f (day, unit_id, dispatched, returned, response_due, response_met,
    handling_due, handling_met, closed, closed_with_reply, evaluations, resolved, satisfied, basically_satisfied,
    ratings, good_ratings, bad_ratings_due, bad_ratings_rectified, closed_dispatched, closed_at_first_dispatch)
  SELECT day, unit_id, sum(dispatched * sign), sum(returned * sign), sum(response_due * sign), sum(response_met * sign),
    sum(handling_due * sign), sum(handling_met * sign), sum(closed * sign), sum(closed_with_reply * sign),
    sum(evaluations * sign), sum(resolved * sign), sum(satisfied * sign), sum(basically_satisfied * sign),
    sum(ratings * sign), sum(good_ratings * sign), sum(bad_ratings_due * sign), sum(bad_ratings_rectified * sign),
    sum(closed_dispatched * sign), sum(closed_at_first_dispatch * sign)
  FROM (SELECT a.*, 1 AS sign FROM unnest(added) AS a UNION ALL SELECT r.*, -1 AS sign FROM unnest(removed) AS r) AS c
  GROUP BY day, unit_id
  -- An update that moves nothing (most do) writes nothing.
  HAVING sum(dispatched * sign) <> 0 OR sum(returned * sign) <> 0 OR sum(response_due * sign) <> 0 OR sum(response_met * sign) <> 0
    OR sum(handling_due * sign) <> 0 OR sum(handling_met * sign) <> 0 OR sum(closed * sign) <> 0 OR sum(closed_with_reply * sign) <> 0
    OR sum(evaluations * sign) <> 0 OR sum(resolved * sign) <> 0 OR sum(satisfied * sign) <> 0 OR sum(basically_satisfied * sign) <> 0
    OR sum(ratings * sign) <> 0 OR sum(good_ratings * sign) <> 0 OR sum(bad_ratings_due * sign) <> 0 OR sum(bad_ratings_rectified * sign) <> 0
    OR sum(closed_dispatched * sign) <> 0 OR sum(closed_at_first_dispatch * sign) <> 0
  -- Rows are locked in key order, so two transactions never wait on each other in a circle here.
  ORDER BY day, unit_id
  ON CONFLICT (day, unit_id) DO UPDATE SET
    dispatched = f.dispatched + excluded.dispatched, returned = f.returned + excluded.returned,
    response_due = f.response_due + excluded.response_due, response_met = f.response_met + excluded.response_met,
    handling_due = f.handling_due + excluded.handling_due, handling_met = f.handling_met + excluded.handling_met,
    closed = f.closed + excluded.closed, closed_with_reply = f.closed_with_reply + excluded.closed_with_reply,
    evaluations = f.evaluations + excluded.evaluations, resolved = f.resolved + excluded.resolved,
    satisfied = f.satisfied + excluded.satisfied, basically_satisfied = f.basically_satisfied + excluded.basically_satisfied,
    ratings = f.ratings + excluded.ratings, good_ratings = f.good_ratings + excluded.good_ratings,
    bad_ratings_due = f.bad_ratings_due + excluded.bad_ratings_due,
    bad_ratings_rectified = f.bad_ratings_rectified + excluded.bad_ratings_rectified,
    closed_dispatched = f.closed_dispatched + excluded.closed_dispatched,
    closed_at_first_dispatch = f.closed_at_first_dispatch + excluded.closed_at_first_dispatch;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_hotline_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE hotline_dispatches, hotline_requests, hotline_evaluations IN SHARE MODE;
  DELETE FROM hotline_daily_figures;
  DELETE FROM hotline_daily_volume;
  INSERT INTO hotline_daily_figures (day, unit_id, dispatched, returned, response_due, response_met,
    handling_due, handling_met, closed, closed_with_reply, evaluations, resolved, satisfied, basically_satisfied,
    ratings, good_ratings, bad_ratings_due, bad_ratings_rectified, closed_dispatched, closed_at_first_dispatch)
  SELECT day, unit_id, sum(dispatched), sum(returned), sum(response_due), sum(response_met), sum(handling_due), sum(handling_met),
    sum(closed), sum(closed_with_reply), sum(evaluations), sum(resolved), sum(satisfied), sum(basically_satisfied),
    sum(ratings), sum(good_ratings), sum(bad_ratings_due), sum(bad_ratings_rectified), sum(closed_dispatched), sum(closed_at_first_dispatch)
  FROM (SELECT c.* FROM hotline_dispatches n, LATERAL hotline_dispatch_figures(n) c
        UNION ALL SELECT c.* FROM hotline_requests n, LATERAL hotline_request_figures(n) c
        UNION ALL SELECT c.* FROM hotline_evaluations n, LATERAL hotline_evaluation_figures(n) c) AS all_rows
  GROUP BY day, unit_id;
  INSERT INTO hotline_daily_volume (scope, day, dimension, value, requests, merged)
  SELECT scope, day, dimension, value, sum(requests), sum(merged)
  FROM hotline_requests n, LATERAL hotline_request_volume(n) c
  GROUP BY scope, day, dimension, value;
END $$;
--> statement-breakpoint
-- Requests already in the database get their facts from their events (what the effects would
-- have written; one pass over case_events), without the row trigger: the rollups are rebuilt
-- once afterwards, so every past closing counts in 一次办结率 too.
ALTER TABLE hotline_requests DISABLE TRIGGER hotline_requests_rollup_update;
--> statement-breakpoint
UPDATE hotline_requests r
   SET lead_dispatches = e.lead_dispatches, first_lead_unit_id = e.first_lead_unit_id, reopened = e.reopened
  FROM (SELECT case_id,
               count(*) FILTER (WHERE type <> 'reopen')::int AS lead_dispatches,
               (array_agg((payload #>> '{input,unitId}')::int ORDER BY seq) FILTER (WHERE type <> 'reopen'))[1] AS first_lead_unit_id,
               bool_or(type = 'reopen') AS reopened
          FROM case_events
         WHERE type IN ('dispatch', 'redispatch', 'rule_owner', 'reopen')
         GROUP BY case_id) e
 WHERE r.case_id = e.case_id;
--> statement-breakpoint
ALTER TABLE hotline_requests ENABLE TRIGGER hotline_requests_rollup_update;
--> statement-breakpoint
-- The dashboard's covering index must hold the new sums, or its reads leave the index for the rows.
DROP INDEX "hotline_daily_figures_covering_idx";
--> statement-breakpoint
SELECT rebuild_hotline_rollups();
--> statement-breakpoint
CREATE INDEX "hotline_daily_figures_covering_idx" ON "hotline_daily_figures" USING btree ("day", "unit_id") INCLUDE ("dispatched", "returned", "response_due", "response_met", "handling_due", "handling_met", "closed", "closed_with_reply", "evaluations", "resolved", "satisfied", "basically_satisfied", "ratings", "good_ratings", "bad_ratings_due", "bad_ratings_rectified", "closed_dispatched", "closed_at_first_dispatch");
