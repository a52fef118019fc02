ALTER TABLE "hotline_dispatches" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "hotline_dispatches" ADD COLUMN "instruction" text;--> statement-breakpoint
ALTER TABLE "hotline_dispatches" ADD COLUMN "reply_text" text;