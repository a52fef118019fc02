CREATE TABLE "xzfy_third_parties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"credit_code" text,
	"joined_by" text NOT NULL,
	"joined_on" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "xzfy_third_parties_case_idx" ON "xzfy_third_parties" USING btree ("case_id");