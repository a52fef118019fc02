CREATE TABLE "case_links" (
	"from_case_id" uuid NOT NULL,
	"to_case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_links_from_case_id_to_case_id_kind_pk" PRIMARY KEY("from_case_id","to_case_id","kind")
);
--> statement-breakpoint
CREATE INDEX "case_links_to_idx" ON "case_links" USING btree ("to_case_id");