CREATE TABLE "case_clock_pauses" (
	"clock_id" uuid NOT NULL,
	"paused_at" timestamp with time zone NOT NULL,
	"resumed_at" timestamp with time zone,
	CONSTRAINT "case_clock_pauses_clock_id_paused_at_pk" PRIMARY KEY("clock_id","paused_at")
);
--> statement-breakpoint
ALTER TABLE "case_clocks" ADD COLUMN "next_urge_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "case_clocks_next_urge_idx" ON "case_clocks" USING btree ("next_urge_at") WHERE "case_clocks"."next_urge_at" is not null;--> statement-breakpoint
-- Clocks already running keep their place in the default escalation (催办 at 80 %, 督办 at the limit).
UPDATE "case_clocks" SET "next_urge_at" = CASE "urge_level"
    WHEN 0 THEN "started_at" + ("due_at" - "started_at") * 0.8
    WHEN 1 THEN "due_at" END
  WHERE "stopped_at" IS NULL AND "paused_at" IS NULL AND "urge_level" < 2;
