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
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_version_idx" ON "case_documents" USING btree ("case_id","template_id","version");