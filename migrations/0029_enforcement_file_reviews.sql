CREATE TABLE "xzzf_file_review_scores" (
	"case_id" uuid NOT NULL,
	"reviewer_id" integer NOT NULL,
	"points" jsonb NOT NULL,
	"total" integer NOT NULL,
	"comments" text NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "xzzf_file_review_scores_case_id_reviewer_id_pk" PRIMARY KEY("case_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "xzzf_file_reviews" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"penalty_case_id" uuid NOT NULL,
	"subject_id" integer NOT NULL,
	"subject_unit_id" integer NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"reviewer_ids" jsonb NOT NULL,
	"score_tenths" integer,
	"grade" text,
	"summary" text,
	"decided_on" text,
	"published_on" text
);
--> statement-breakpoint
CREATE TABLE "xzzf_review_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"government_unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"sheet" jsonb NOT NULL,
	"reviewers_per_file" integer NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"published_on" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "xzzf_file_reviews_campaign_case_idx" ON "xzzf_file_reviews" USING btree ("campaign_id","penalty_case_id");--> statement-breakpoint
CREATE INDEX "xzzf_file_reviews_penalty_idx" ON "xzzf_file_reviews" USING btree ("penalty_case_id");