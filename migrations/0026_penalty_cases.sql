CREATE TABLE "xzcf_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"subject_id" integer NOT NULL,
	"field" text NOT NULL,
	"source" text NOT NULL,
	"summary" text NOT NULL,
	"discovered_on" text NOT NULL,
	"party_kind" text NOT NULL,
	"object_id" integer,
	"party_name" text,
	"matter_id" integer,
	"procedure" text DEFAULT 'general' NOT NULL,
	"case_number" text,
	"filed_on" text,
	"officer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"circumstance" text,
	"penalties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fine_fen" bigint DEFAULT 0 NOT NULL,
	"hearing_right" boolean DEFAULT false NOT NULL,
	"notified_on" text,
	"hearing_requested_on" text,
	"hearing_held_on" text,
	"review_grounds_marked" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_passed" boolean,
	"reviewer_officer_id" integer,
	"reviewed_on" text,
	"collective_required" boolean DEFAULT false NOT NULL,
	"discussed_on" text,
	"outcome" text,
	"no_penalty_ground" text,
	"exemption_item" text,
	"transferred_to" text,
	"decision_number" text,
	"decided_on" text,
	"served_on" text,
	"published_on" text,
	"withdrawn_on" text,
	"payment_due_on" text,
	"paid_on" text,
	"surcharge_fen" bigint DEFAULT 0 NOT NULL,
	"enforcement_applied_on" text,
	"closed_on" text
);
--> statement-breakpoint
CREATE TABLE "xzcf_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"taken_on" text NOT NULL,
	"officer_ids" jsonb NOT NULL,
	"reference" text,
	"sha256" text,
	"preservation_decided_on" text
);
--> statement-breakpoint
CREATE INDEX "xzcf_cases_subject_idx" ON "xzcf_cases" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "xzcf_cases_object_idx" ON "xzcf_cases" USING btree ("object_id");--> statement-breakpoint
CREATE INDEX "xzcf_evidence_case_idx" ON "xzcf_evidence" USING btree ("case_id");