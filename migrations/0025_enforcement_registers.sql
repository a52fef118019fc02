CREATE TABLE "xzzf_certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"officer_id" integer NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"fields" jsonb NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	CONSTRAINT "xzzf_certificates_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "xzzf_matters" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"field" text NOT NULL,
	"subject_id" integer NOT NULL,
	"basis" text NOT NULL,
	"duty_code" text,
	"first_offence_exempt" boolean NOT NULL,
	"minor_exempt" boolean NOT NULL,
	"exemption_item" text,
	"discretion" jsonb NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "xzzf_matters_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "xzzf_object_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "xzzf_object_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"object_id" integer NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"subject_id" integer NOT NULL,
	"day" text NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xzzf_objects" (
	"id" serial PRIMARY KEY NOT NULL,
	"government_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"legal_representative" text,
	"id_number_masked" text,
	"id_number_key" text,
	"id_number_sealed" text,
	"address" text,
	"region_code" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xzzf_officers" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_id" integer NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xzzf_subjects" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"entrusted_by_id" integer,
	"basis_text" text NOT NULL,
	"basis_article" text NOT NULL,
	"region_codes" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "xzzf_subjects_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE INDEX "xzzf_certificates_officer_idx" ON "xzzf_certificates" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "xzzf_certificates_valid_to_idx" ON "xzzf_certificates" USING btree ("valid_to");--> statement-breakpoint
CREATE INDEX "xzzf_matters_subject_idx" ON "xzzf_matters" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "xzzf_object_history_object_idx" ON "xzzf_object_history" USING btree ("object_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "xzzf_object_history_ref_idx" ON "xzzf_object_history" USING btree ("object_id","kind","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "xzzf_objects_credit_code_idx" ON "xzzf_objects" USING btree ("government_unit_id","credit_code") WHERE "xzzf_objects"."credit_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "xzzf_objects_id_number_idx" ON "xzzf_objects" USING btree ("government_unit_id","id_number_key") WHERE "xzzf_objects"."id_number_key" is not null;--> statement-breakpoint
CREATE INDEX "xzzf_objects_name_idx" ON "xzzf_objects" USING btree ("name");--> statement-breakpoint
CREATE INDEX "xzzf_officers_subject_idx" ON "xzzf_officers" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "xzzf_officers_user_idx" ON "xzzf_officers" USING btree ("user_id") WHERE "xzzf_officers"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "xzzf_subjects_unit_idx" ON "xzzf_subjects" USING btree ("unit_id");