CREATE TABLE "hotline_daily_figures" (
	"day" date NOT NULL,
	"unit_id" integer NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"response_due" integer DEFAULT 0 NOT NULL,
	"response_met" integer DEFAULT 0 NOT NULL,
	"handling_due" integer DEFAULT 0 NOT NULL,
	"handling_met" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"closed_with_reply" integer DEFAULT 0 NOT NULL,
	"evaluations" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basically_satisfied" integer DEFAULT 0 NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	"good_ratings" integer DEFAULT 0 NOT NULL,
	"bad_ratings_due" integer DEFAULT 0 NOT NULL,
	"bad_ratings_rectified" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hotline_daily_figures_day_unit_id_pk" PRIMARY KEY("day","unit_id")
);
--> statement-breakpoint
CREATE TABLE "hotline_daily_volume" (
	"scope" text NOT NULL,
	"day" date NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hotline_daily_volume_scope_day_dimension_value_pk" PRIMARY KEY("scope","day","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "public_statistics_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"figures" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "hotline_dispatches" ADD COLUMN "response_lapsed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_dispatches" ADD COLUMN "handling_lapsed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hotline_evaluations" ADD COLUMN "rectification_lapsed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "hotline_dispatches_unit_time_idx" ON "hotline_dispatches" USING btree ("unit_id","dispatched_at");--> statement-breakpoint
CREATE INDEX "hotline_dispatches_open_idx" ON "hotline_dispatches" USING btree ("unit_id","due_at") WHERE role = 'lead' and status in ('pending', 'signed');