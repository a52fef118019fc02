CREATE TABLE "role_grants" (
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"unit_id" integer NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_grants_user_id_role_unit_id_pk" PRIMARY KEY("user_id","role","unit_id")
);
--> statement-breakpoint
CREATE INDEX "role_grants_unit_idx" ON "role_grants" USING btree ("unit_id");