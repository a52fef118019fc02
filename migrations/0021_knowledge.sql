CREATE TABLE "kb_citations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"citing_case_id" uuid NOT NULL,
	"citing_action" text NOT NULL,
	"revision" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_entries" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"owner_unit_id" integer NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"legal_basis" text NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"category_code" text,
	"valid_from" text NOT NULL,
	"valid_until" text,
	"review_on" text NOT NULL,
	"source_case_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"expired_reason" text,
	"index_length" real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_terms" (
	"case_id" uuid NOT NULL,
	"term" text NOT NULL,
	"weight" real NOT NULL,
	CONSTRAINT "kb_terms_case_id_term_pk" PRIMARY KEY("case_id","term")
);
--> statement-breakpoint
CREATE INDEX "kb_citations_case_idx" ON "kb_citations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "kb_entries_owner_idx" ON "kb_entries" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "kb_entries_source_idx" ON "kb_entries" USING btree ("source_case_id");--> statement-breakpoint
CREATE INDEX "kb_terms_term_idx" ON "kb_terms" USING btree ("term");