-- Rollups of the 接诉即办 figures, kept by triggers in the transaction that changes a row.
-- Each source row contributes to the day (China time) of each deciding moment it holds;
-- a change removes the old row's contributions and adds the new row's. The same
-- functions rebuild the rollups from scratch (rebuild_hotline_rollups), so the
-- incremental path and the recomputation cannot mean different things.

-- Periods are whole days in China time (no daylight saving since 1991).
CREATE FUNCTION hotline_day(t timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (t AT TIME ZONE 'Asia/Shanghai')::date $$;
--> statement-breakpoint

-- What one row adds to the daily sums, and to the daily volume.
CREATE TYPE hotline_figure_delta AS (
  day date, unit_id integer, dispatched int, returned int, response_due int, response_met int,
  handling_due int, handling_met int, closed int, closed_with_reply int, evaluations int, resolved int,
  satisfied int, basically_satisfied int, ratings int, good_ratings int, bad_ratings_due int, bad_ratings_rectified int);
--> statement-breakpoint
CREATE TYPE hotline_volume_delta AS (scope text, day date, dimension text, value text, requests int, merged int);
--> statement-breakpoint

-- Lead dispatches: 派单, 退单, 响应 and 按时办结.
-- 响应 is met at the contact, if it came within the response limit; it is missed at the
-- limit once the clock ran out, the contact came late, or the unit replied without one.
-- A dispatch returned within the limit without contact takes no part.
-- 按时办结 is met at a reply within the (possibly extended) limit; it is missed at the
-- limit once the clock ran out or the reply came late.
CREATE FUNCTION hotline_dispatch_figures(d hotline_dispatches)
RETURNS SETOF hotline_figure_delta
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hotline_day(d.dispatched_at), d.unit_id, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE d.role = 'lead'
  UNION ALL
  SELECT hotline_day(d.returned_at), d.unit_id, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE d.role = 'lead' AND d.returned_at IS NOT NULL
  UNION ALL
  SELECT CASE WHEN d.contacted_at <= d.response_due_at THEN hotline_day(d.contacted_at) ELSE hotline_day(d.response_due_at) END,
    d.unit_id, 0, 0, 1, coalesce(d.contacted_at <= d.response_due_at, false)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE d.role = 'lead' AND (d.contacted_at IS NOT NULL OR d.response_lapsed OR d.replied_at IS NOT NULL)
  UNION ALL
  SELECT CASE WHEN d.replied_at <= d.due_at THEN hotline_day(d.replied_at) ELSE hotline_day(d.due_at) END,
    d.unit_id, 0, 0, 0, 0, 1, coalesce(d.replied_at <= d.due_at, false)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE d.role = 'lead' AND (d.replied_at IS NOT NULL OR d.handling_lapsed)
$$;
--> statement-breakpoint

-- Requests: 回复率, on the day the request was closed, for the unit that answered.
CREATE FUNCTION hotline_request_figures(r hotline_requests)
RETURNS SETOF hotline_figure_delta
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hotline_day(r.closed_at), r.replied_by_unit_id, 0, 0, 0, 0, 0, 0, 1, (r.reply_text IS NOT NULL)::int, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE r.closed_at IS NOT NULL AND r.replied_by_unit_id IS NOT NULL
$$;
--> statement-breakpoint

-- Evaluations: 解决率 and 满意率 (follow-ups and citizens' ratings), 好评率 (citizens'
-- ratings), and 差评整改率 on the day of the rectification deadline, once it is decided.
CREATE FUNCTION hotline_evaluation_figures(e hotline_evaluations)
RETURNS SETOF hotline_figure_delta
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hotline_day(e.at), e.unit_id, 0, 0, 0, 0, 0, 0, 0, 0, 1, e.resolved::int,
    (e.satisfaction = 'satisfied')::int, (e.satisfaction = 'basically_satisfied')::int,
    (e.source = 'citizen')::int, (e.source = 'citizen' AND e.satisfaction = 'satisfied')::int, 0, 0
  WHERE e.unit_id IS NOT NULL
  UNION ALL
  SELECT hotline_day(e.rectification_due_at), e.unit_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, coalesce(e.rectified_at <= e.rectification_due_at, false)::int
  WHERE e.unit_id IS NOT NULL AND e.rectification_due_at IS NOT NULL AND (e.rectified_at IS NOT NULL OR e.rectification_lapsed)
$$;
--> statement-breakpoint

-- Received requests by one dimension at a time, for every request ('') and for its township.
CREATE FUNCTION hotline_request_volume(r hotline_requests)
RETURNS SETOF hotline_volume_delta
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT s.scope, hotline_day(r.received_at), v.dimension, v.value, 1, (r.merged_into IS NOT NULL)::int
  FROM (VALUES (''), (r.township_code)) AS s(scope)
  CROSS JOIN (VALUES ('all', ''), ('channel', r.channel), ('type', coalesce(r.request_type, '')),
    ('category1', coalesce(left(r.category_code, 2), '')), ('category2', coalesce(left(r.category_code, 4), ''))) AS v(dimension, value)
  WHERE s.scope IS NOT NULL
$$;
--> statement-breakpoint

-- Adds contributions to the daily figures and takes removed ones away. Static SQL, so
-- PL/pgSQL keeps its plan: it runs for every statement that changes a source row.
CREATE FUNCTION hotline_add_figures(added hotline_figure_delta[], removed hotline_figure_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hotline_daily_figures AS f (day, unit_id, dispatched, returned, response_due, response_met,
    handling_due, handling_met, closed, closed_with_reply, evaluations, resolved, satisfied, basically_satisfied,
    ratings, good_ratings, bad_ratings_due, bad_ratings_rectified)
  SELECT day, unit_id, sum(dispatched * sign), sum(returned * sign), sum(response_due * sign), sum(response_met * sign),
    sum(handling_due * sign), sum(handling_met * sign), sum(closed * sign), sum(closed_with_reply * sign),
    sum(evaluations * sign), sum(resolved * sign), sum(satisfied * sign), sum(basically_satisfied * sign),
    sum(ratings * sign), sum(good_ratings * sign), sum(bad_ratings_due * sign), sum(bad_ratings_rectified * sign)
  FROM (SELECT a.*, 1 AS sign FROM unnest(added) AS a UNION ALL SELECT r.*, -1 AS sign FROM unnest(removed) AS r) AS c
  GROUP BY day, unit_id
  -- An update that moves nothing (most do) writes nothing.
  HAVING sum(dispatched * sign) <> 0 OR sum(returned * sign) <> 0 OR sum(response_due * sign) <> 0 OR sum(response_met * sign) <> 0
    OR sum(handling_due * sign) <> 0 OR sum(handling_met * sign) <> 0 OR sum(closed * sign) <> 0 OR sum(closed_with_reply * sign) <> 0
    OR sum(evaluations * sign) <> 0 OR sum(resolved * sign) <> 0 OR sum(satisfied * sign) <> 0 OR sum(basically_satisfied * sign) <> 0
    OR sum(ratings * sign) <> 0 OR sum(good_ratings * sign) <> 0 OR sum(bad_ratings_due * sign) <> 0 OR sum(bad_ratings_rectified * sign) <> 0
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
    bad_ratings_rectified = f.bad_ratings_rectified + excluded.bad_ratings_rectified;
END $$;
--> statement-breakpoint

CREATE FUNCTION hotline_add_volume(added hotline_volume_delta[], removed hotline_volume_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hotline_daily_volume AS v (scope, day, dimension, value, requests, merged)
  SELECT scope, day, dimension, value, sum(requests * sign), sum(merged * sign)
  FROM (SELECT a.*, 1 AS sign FROM unnest(added) AS a UNION ALL SELECT r.*, -1 AS sign FROM unnest(removed) AS r) AS c
  GROUP BY scope, day, dimension, value
  HAVING sum(requests * sign) <> 0 OR sum(merged * sign) <> 0
  ORDER BY scope, day, dimension, value
  ON CONFLICT (scope, day, dimension, value) DO UPDATE SET
    requests = v.requests + excluded.requests, merged = v.merged + excluded.merged;
END $$;
--> statement-breakpoint

-- One trigger function per source table. Statement triggers see only the transition tables
-- their event declares; branches that are not taken are never planned.
CREATE FUNCTION hotline_dispatches_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM hotline_add_figures(array(SELECT c FROM hotline_new_rows n, LATERAL hotline_dispatch_figures(n) c), '{}');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM hotline_add_figures(array(SELECT c FROM hotline_new_rows n, LATERAL hotline_dispatch_figures(n) c),
                                array(SELECT c FROM hotline_old_rows o, LATERAL hotline_dispatch_figures(o) c));
  ELSE
    PERFORM hotline_add_figures('{}', array(SELECT c FROM hotline_old_rows o, LATERAL hotline_dispatch_figures(o) c));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE FUNCTION hotline_evaluations_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM hotline_add_figures(array(SELECT c FROM hotline_new_rows n, LATERAL hotline_evaluation_figures(n) c), '{}');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM hotline_add_figures(array(SELECT c FROM hotline_new_rows n, LATERAL hotline_evaluation_figures(n) c),
                                array(SELECT c FROM hotline_old_rows o, LATERAL hotline_evaluation_figures(o) c));
  ELSE
    PERFORM hotline_add_figures('{}', array(SELECT c FROM hotline_old_rows o, LATERAL hotline_evaluation_figures(o) c));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE FUNCTION hotline_requests_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM hotline_add_volume(array(SELECT c FROM hotline_new_rows n, LATERAL hotline_request_volume(n) c), '{}');
    -- A new request is never closed: nothing to add to the figures.
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM hotline_add_volume(array(SELECT c FROM hotline_new_rows n, LATERAL hotline_request_volume(n) c),
                               array(SELECT c FROM hotline_old_rows o, LATERAL hotline_request_volume(o) c));
    PERFORM hotline_add_figures(array(SELECT c FROM hotline_new_rows n, LATERAL hotline_request_figures(n) c),
                                array(SELECT c FROM hotline_old_rows o, LATERAL hotline_request_figures(o) c));
  ELSE
    PERFORM hotline_add_volume('{}', array(SELECT c FROM hotline_old_rows o, LATERAL hotline_request_volume(o) c));
    PERFORM hotline_add_figures('{}', array(SELECT c FROM hotline_old_rows o, LATERAL hotline_request_figures(o) c));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER hotline_dispatches_rollup_insert AFTER INSERT ON hotline_dispatches REFERENCING NEW TABLE AS hotline_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_dispatches_rollup();
--> statement-breakpoint
CREATE TRIGGER hotline_dispatches_rollup_update AFTER UPDATE ON hotline_dispatches REFERENCING NEW TABLE AS hotline_new_rows OLD TABLE AS hotline_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_dispatches_rollup();
--> statement-breakpoint
CREATE TRIGGER hotline_dispatches_rollup_delete AFTER DELETE ON hotline_dispatches REFERENCING OLD TABLE AS hotline_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_dispatches_rollup();
--> statement-breakpoint
CREATE TRIGGER hotline_evaluations_rollup_insert AFTER INSERT ON hotline_evaluations REFERENCING NEW TABLE AS hotline_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_evaluations_rollup();
--> statement-breakpoint
CREATE TRIGGER hotline_evaluations_rollup_update AFTER UPDATE ON hotline_evaluations REFERENCING NEW TABLE AS hotline_new_rows OLD TABLE AS hotline_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_evaluations_rollup();
--> statement-breakpoint
CREATE TRIGGER hotline_evaluations_rollup_delete AFTER DELETE ON hotline_evaluations REFERENCING OLD TABLE AS hotline_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_evaluations_rollup();
--> statement-breakpoint
CREATE TRIGGER hotline_requests_rollup_insert AFTER INSERT ON hotline_requests REFERENCING NEW TABLE AS hotline_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_requests_rollup();
--> statement-breakpoint
CREATE TRIGGER hotline_requests_rollup_update AFTER UPDATE ON hotline_requests REFERENCING NEW TABLE AS hotline_new_rows OLD TABLE AS hotline_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_requests_rollup();
--> statement-breakpoint
CREATE TRIGGER hotline_requests_rollup_delete AFTER DELETE ON hotline_requests REFERENCING OLD TABLE AS hotline_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_requests_rollup();
--> statement-breakpoint

-- Recomputes both rollups from the rows, e.g. after a bulk load with triggers off. The same
-- contribution functions as the triggers; one pass over each table, no arrays.
CREATE FUNCTION rebuild_hotline_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE hotline_dispatches, hotline_requests, hotline_evaluations IN SHARE MODE;
  DELETE FROM hotline_daily_figures;
  DELETE FROM hotline_daily_volume;
  INSERT INTO hotline_daily_figures (day, unit_id, dispatched, returned, response_due, response_met,
    handling_due, handling_met, closed, closed_with_reply, evaluations, resolved, satisfied, basically_satisfied,
    ratings, good_ratings, bad_ratings_due, bad_ratings_rectified)
  SELECT day, unit_id, sum(dispatched), sum(returned), sum(response_due), sum(response_met), sum(handling_due), sum(handling_met),
    sum(closed), sum(closed_with_reply), sum(evaluations), sum(resolved), sum(satisfied), sum(basically_satisfied),
    sum(ratings), sum(good_ratings), sum(bad_ratings_due), sum(bad_ratings_rectified)
  FROM (SELECT c.* FROM hotline_dispatches n, LATERAL hotline_dispatch_figures(n) c
        UNION ALL SELECT c.* FROM hotline_requests n, LATERAL hotline_request_figures(n) c
        UNION ALL SELECT c.* FROM hotline_evaluations n, LATERAL hotline_evaluation_figures(n) c) AS all_rows
  GROUP BY day, unit_id;
  INSERT INTO hotline_daily_volume (scope, day, dimension, value, requests, merged)
  SELECT scope, day, dimension, value, sum(requests), sum(merged)
  FROM hotline_requests n, LATERAL hotline_request_volume(n) c
  GROUP BY scope, day, dimension, value;
END $$;
