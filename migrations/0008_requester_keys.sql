CREATE TABLE "case_requester_keys" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"key_mac" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone
);
