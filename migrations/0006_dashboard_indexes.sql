DROP INDEX "hotline_dispatches_open_idx";--> statement-breakpoint
CREATE INDEX "hotline_daily_volume_totals_idx" ON "hotline_daily_volume" USING btree ("day","scope","requests","merged") WHERE dimension = 'all';--> statement-breakpoint
CREATE INDEX "hotline_dispatches_open_idx" ON "hotline_dispatches" USING btree ("unit_id","due_at","dispatched_at") WHERE role = 'lead' and status in ('pending', 'signed');--> statement-breakpoint
-- Written by hand (drizzle-kit has no INCLUDE): the dashboard sums every figure over a
-- range of days from this index alone, without visiting the rows the triggers keep updating.
CREATE INDEX "hotline_daily_figures_covering_idx" ON "hotline_daily_figures" USING btree ("day", "unit_id") INCLUDE ("dispatched", "returned", "response_due", "response_met", "handling_due", "handling_met", "closed", "closed_with_reply", "evaluations", "resolved", "satisfied", "basically_satisfied", "ratings", "good_ratings", "bad_ratings_due", "bad_ratings_rectified");
--> statement-breakpoint
-- The requests waiting for dispatch, by place: the dashboard counts a township's from here.
CREATE INDEX "cases_awaiting_dispatch_idx" ON "cases" USING btree ("region_code" text_pattern_ops) WHERE case_type = 'hotline_request' and state in ('received', 'returned');
--> statement-breakpoint
-- Every change to a request or dispatch rewrites a few rows of the rollups, today's most of all:
-- vacuum them after a fixed number of dead rows, not after a fifth of the table, so the
-- dashboard's index scans do not wade through days of dead versions of today's rows.
ALTER TABLE "hotline_daily_figures" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
--> statement-breakpoint
ALTER TABLE "hotline_daily_volume" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
