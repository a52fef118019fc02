CREATE TABLE "sms_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"endpoint" text,
	"sign_name" text,
	"templates" jsonb NOT NULL,
	"token_cipher" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "merged_into_id" integer;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "merged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "admin_locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "routing_models" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "routing_models" ADD COLUMN "evaluation" jsonb;--> statement-breakpoint
ALTER TABLE "routing_models" ADD COLUMN "trained_by" integer;