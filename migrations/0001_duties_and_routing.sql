CREATE TABLE "duty_items" (
	"code" text PRIMARY KEY NOT NULL,
	"list" text NOT NULL,
	"name" text NOT NULL,
	"power_kind" text,
	"unit_id" integer,
	"level" text,
	"township_role" text,
	"basis" text NOT NULL,
	"keywords" jsonb NOT NULL,
	"category_codes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_auto_dispatch_rules" (
	"category_code" text PRIMARY KEY NOT NULL,
	"threshold" real NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "routing_models" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"trained_at" timestamp with time zone NOT NULL,
	"rows" integer NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE INDEX "duty_items_list_idx" ON "duty_items" USING btree ("list");