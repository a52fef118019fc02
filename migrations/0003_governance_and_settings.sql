CREATE TABLE "governance_topics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"topic_key" text NOT NULL,
	"township_code" text,
	"lead_unit_id" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"created_by" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"auto_merge" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE INDEX "governance_topics_started_idx" ON "governance_topics" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "hotline_requests_topic_idx" ON "hotline_requests" USING btree ("topic_key","received_at");