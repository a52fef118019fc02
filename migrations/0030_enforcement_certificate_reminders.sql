CREATE TABLE "xzzf_certificate_reminders" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"certificate_id" integer NOT NULL,
	"subject_id" integer NOT NULL,
	"subject_unit_id" integer NOT NULL,
	"officer_id" integer NOT NULL,
	"officer_name" text NOT NULL,
	"certificate_number" text NOT NULL,
	"valid_to" text NOT NULL,
	"renewed_by_id" integer,
	"settled_on" text,
	CONSTRAINT "xzzf_certificate_reminders_certificate_id_unique" UNIQUE("certificate_id")
);
--> statement-breakpoint
CREATE INDEX "xzzf_certificate_reminders_subject_idx" ON "xzzf_certificate_reminders" USING btree ("subject_id");