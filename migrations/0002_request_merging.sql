DROP INDEX "hotline_requests_township_idx";--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "caller_key" text;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "topic_key" text;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
CREATE INDEX "hotline_requests_caller_idx" ON "hotline_requests" USING btree ("caller_key");--> statement-breakpoint
CREATE INDEX "hotline_requests_merged_idx" ON "hotline_requests" USING btree ("merged_into");--> statement-breakpoint
CREATE INDEX "hotline_requests_township_idx" ON "hotline_requests" USING btree ("township_code","received_at");