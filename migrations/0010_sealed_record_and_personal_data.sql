CREATE TABLE "audit_checkpoints" (
	"seq" integer PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"covered_gseq" bigint NOT NULL,
	"pending_gseq" bigint NOT NULL,
	"horizon_at" timestamp with time zone NOT NULL,
	"events" bigint NOT NULL,
	"events_digest" text NOT NULL,
	"heads" bigint NOT NULL,
	"heads_digest" text NOT NULL,
	"security_seq" bigint NOT NULL,
	"security_hash" text NOT NULL,
	"key_id" text NOT NULL,
	"prev_mac" text NOT NULL,
	"mac" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_sealed_heads" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"hash" text NOT NULL,
	"checkpoint_seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_personal_data" (
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"field" text NOT NULL,
	"value" text,
	"salt" text,
	"erased_at" timestamp with time zone,
	CONSTRAINT "case_personal_data_case_id_seq_field_pk" PRIMARY KEY("case_id","seq","field")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "mac" text;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "gseq" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "case_events_gseq_idx" ON "case_events" USING btree ("gseq");--> statement-breakpoint
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at");