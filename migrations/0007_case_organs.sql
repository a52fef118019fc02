ALTER TABLE "cases" ADD COLUMN "organ_unit_id" integer;--> statement-breakpoint
-- Every 12345 request so far was received by the county's hotline center: it becomes the
-- organ of each, so the center's people and their superiors keep seeing all of them.
UPDATE "cases" SET "organ_unit_id" = (SELECT "id" FROM "units" WHERE "kind" = 'center' ORDER BY "id" LIMIT 1) WHERE "case_type" = 'hotline_request' AND "organ_unit_id" IS NULL;
