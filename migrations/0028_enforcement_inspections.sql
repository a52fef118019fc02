CREATE TABLE "xzjc_draws" (
	"plan_id" integer PRIMARY KEY NOT NULL,
	"seed" text NOT NULL,
	"candidate_count" integer NOT NULL,
	"candidate_ids" jsonb NOT NULL,
	"capped_ids" jsonb NOT NULL,
	"officer_pool_ids" jsonb NOT NULL,
	"drawn_object_ids" jsonb NOT NULL,
	"cap" integer NOT NULL,
	"drawn_by" integer NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xzjc_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_id" integer NOT NULL,
	"year" integer NOT NULL,
	"matter_id" integer NOT NULL,
	"title" text NOT NULL,
	"planned_count" integer,
	"joint_subject_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_day" text NOT NULL,
	"last_day" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xzjc_settings" (
	"government_unit_id" integer PRIMARY KEY NOT NULL,
	"yearly_cap" integer NOT NULL,
	"updated_by" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xzjc_inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"subject_id" integer NOT NULL,
	"year" integer NOT NULL,
	"object_id" integer NOT NULL,
	"officer_ids" jsonb NOT NULL,
	"joint_subject_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_on" text NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'drawn' NOT NULL,
	"result" text,
	"result_note" text,
	"inspected_on" text,
	"inspected_by" jsonb,
	"follow_up_case_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "xzjc_inspections_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE INDEX "xzjc_plans_subject_idx" ON "xzjc_plans" USING btree ("subject_id","year");--> statement-breakpoint
CREATE INDEX "xzjc_inspections_plan_idx" ON "xzjc_inspections" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "xzjc_inspections_object_idx" ON "xzjc_inspections" USING btree ("object_id","year");