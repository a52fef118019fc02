CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_clocks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rule_id" text NOT NULL,
	"subject_id" uuid,
	"unit_id" integer,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"extended" integer DEFAULT 0 NOT NULL,
	"paused_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"urge_level" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" integer,
	"actor_unit_id" integer,
	"actor_role" text NOT NULL,
	"payload" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "case_events_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_type" text NOT NULL,
	"state" text NOT NULL,
	"owner_unit_id" integer,
	"region_code" text,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"last_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" integer PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"path" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" text NOT NULL,
	"key" text,
	"region_code" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" integer NOT NULL,
	"scope_unit_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "hotline_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"clock_rule" text,
	"default_unit_id" integer
);
--> statement-breakpoint
CREATE TABLE "hotline_dispatches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"dispatched_at" timestamp with time zone NOT NULL,
	"response_due_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"contacted_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"replied_at" timestamp with time zone,
	"extension_requested_days" integer,
	"extension_reason" text,
	"extended" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"resolved" boolean NOT NULL,
	"satisfaction" text NOT NULL,
	"comment" text,
	"unit_id" integer,
	"rectification_due_at" timestamp with time zone,
	"rectified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hotline_requests" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"request_type" text,
	"category_code" text,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"title" text,
	"content" text NOT NULL,
	"requester_name" text,
	"requester_phone" text,
	"township_code" text,
	"village_code" text,
	"address" text,
	"received_at" timestamp with time zone NOT NULL,
	"recorded_by" integer,
	"reply_text" text,
	"replied_at" timestamp with time zone,
	"replied_by_unit_id" integer,
	"closed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"rule_id" text,
	CONSTRAINT "hotline_requests_tracking_code_unique" UNIQUE("tracking_code")
);
--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_clocks_case_idx" ON "case_clocks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_clocks_running_due_idx" ON "case_clocks" USING btree ("stopped_at","due_at");--> statement-breakpoint
CREATE INDEX "case_events_at_idx" ON "case_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "cases_type_state_idx" ON "cases" USING btree ("case_type","state");--> statement-breakpoint
CREATE INDEX "cases_owner_idx" ON "cases" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "units_path_idx" ON "units" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "units_key_idx" ON "units" USING btree ("key");--> statement-breakpoint
CREATE INDEX "units_region_idx" ON "units" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "hotline_dispatches_case_idx" ON "hotline_dispatches" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "hotline_dispatches_unit_idx" ON "hotline_dispatches" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "hotline_evaluations_case_idx" ON "hotline_evaluations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "hotline_evaluations_at_idx" ON "hotline_evaluations" USING btree ("at");--> statement-breakpoint
CREATE INDEX "hotline_requests_received_idx" ON "hotline_requests" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "hotline_requests_township_idx" ON "hotline_requests" USING btree ("township_code");