CREATE TABLE "xzss_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"court_name" text NOT NULL,
	"court_case_number" text NOT NULL,
	"cause" text NOT NULL,
	"plaintiff_name" text,
	"served_on" text NOT NULL,
	"answered_on" text,
	"outcome" text,
	"judged_on" text,
	"appealed_on" text,
	"concluded_on" text
);
--> statement-breakpoint
CREATE TABLE "xzss_hearings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"scheduled_on" text NOT NULL,
	"held_on" text,
	"head_appeared" boolean,
	"appeared_by" text,
	"appeared_title" text,
	"recorded_by" integer
);
--> statement-breakpoint
CREATE INDEX "xzss_cases_served_idx" ON "xzss_cases" USING btree ("served_on");--> statement-breakpoint
CREATE INDEX "xzss_hearings_case_idx" ON "xzss_hearings" USING btree ("case_id");