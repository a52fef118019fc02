ALTER TABLE "xzfy_cases" ALTER COLUMN "applicant_kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "xzfy_cases" ALTER COLUMN "contested_act" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "xzfy_cases" ALTER COLUMN "claims" DROP NOT NULL;