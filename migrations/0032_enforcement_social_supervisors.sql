CREATE TABLE "xzzf_social_supervisors" (
	"id" serial PRIMARY KEY NOT NULL,
	"government_unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"work_unit" text NOT NULL,
	"term_from" text NOT NULL,
	"term_to" text NOT NULL,
	"code" text NOT NULL,
	"secret_hash" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"dismissed_on" text,
	"dismissal_reason" text,
	"appointed_by" integer NOT NULL,
	"appointed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "xzzf_social_supervisors_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "xzzf_observations" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"supervisor_id" integer NOT NULL,
	"subject_id" integer,
	"subject_unit_id" integer,
	"concerning" text NOT NULL,
	"observed_on" text NOT NULL,
	"place" text NOT NULL,
	"content" text NOT NULL,
	"received_on" text NOT NULL,
	"due_on" text NOT NULL,
	"forwarded_on" text,
	"subject_reply" text,
	"answer" text,
	"answered_on" text
);
--> statement-breakpoint
CREATE INDEX "xzzf_social_supervisors_government_idx" ON "xzzf_social_supervisors" USING btree ("government_unit_id");--> statement-breakpoint
CREATE INDEX "xzzf_observations_supervisor_idx" ON "xzzf_observations" USING btree ("supervisor_id");