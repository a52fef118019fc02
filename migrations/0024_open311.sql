CREATE TABLE "open311_api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"revoked_at" timestamp with time zone,
	"revoked_by" integer,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "open311_api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "channel_client" text;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "requester_email" text;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "media_url" text;--> statement-breakpoint
CREATE INDEX "open311_api_keys_created_idx" ON "open311_api_keys" USING btree ("created_at");