CREATE TABLE "case_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by_user_id" integer,
	"staging_token_hash" text
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"fields" jsonb NOT NULL,
	"organ_unit_id" integer NOT NULL,
	"number" text,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" integer,
	"issued_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"organ_unit_id" integer NOT NULL,
	"numbering_key" text NOT NULL,
	"year" integer NOT NULL,
	"last_n" integer NOT NULL,
	CONSTRAINT "document_numbers_organ_unit_id_numbering_key_year_pk" PRIMARY KEY("organ_unit_id","numbering_key","year")
);
--> statement-breakpoint
CREATE TABLE "xzfy_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"case_number" text,
	"query_code" text NOT NULL,
	"channel" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_name" text,
	"credit_code" text,
	"agent_name" text,
	"respondent_unit_id" integer,
	"respondent_name" text NOT NULL,
	"contested_act" text NOT NULL,
	"field" text,
	"claims" text NOT NULL,
	"received_on" text NOT NULL,
	"procedure" text,
	"accepted_on" text,
	"copy_sent_on" text,
	"replied_on" text,
	"decision_key" text,
	"legal_basis" text,
	"concluded_on" text,
	"served_on" text,
	CONSTRAINT "xzfy_cases_case_number_unique" UNIQUE("case_number"),
	CONSTRAINT "xzfy_cases_query_code_unique" UNIQUE("query_code")
);
--> statement-breakpoint
CREATE TABLE "xzfy_opinions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"unit_id" integer NOT NULL,
	"content" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone,
	"report" text
);
--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_version_idx" ON "case_documents" USING btree ("case_id","template_id","version");--> statement-breakpoint
CREATE INDEX "xzfy_cases_respondent_idx" ON "xzfy_cases" USING btree ("respondent_unit_id");--> statement-breakpoint
CREATE INDEX "xzfy_cases_received_idx" ON "xzfy_cases" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "xzfy_cases_concluded_idx" ON "xzfy_cases" USING btree ("concluded_on");