CREATE TABLE "tablero_instances" (
	"id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopping_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "iva_requests" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "iva_requests" ADD COLUMN "sending_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "iva_requests_pending_owner_idx" ON "iva_requests" USING btree ("lease_owner") WHERE "iva_requests"."status" = 'pending';--> statement-breakpoint
-- Requests left pending by an earlier version may have reached TusFacturas.
UPDATE "iva_requests" SET "sending_at" = "requested_at" WHERE "status" = 'pending';
