CREATE TABLE "xzzf_supervision_opinions" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"subject_id" integer NOT NULL,
	"subject_unit_id" integer NOT NULL,
	"findings" text NOT NULL,
	"requirements" text NOT NULL,
	"respond_by" text,
	"issued_on" text,
	"answered_on" text,
	"closed_on" text
);
--> statement-breakpoint
CREATE INDEX "xzzf_supervision_subject_idx" ON "xzzf_supervision_opinions" USING btree ("subject_id");