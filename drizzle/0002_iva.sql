CREATE TABLE "iva_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"request_key" uuid NOT NULL,
	"anio" integer NOT NULL,
	"mes" integer NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "iva_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"user_id" uuid,
	"batch_id" uuid,
	"request_key" uuid NOT NULL,
	"anio" integer NOT NULL,
	"mes" integer NOT NULL,
	"email" text NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"error_code" text,
	"messages" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "iva_batches" ADD CONSTRAINT "iva_batches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iva_requests" ADD CONSTRAINT "iva_requests_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iva_requests" ADD CONSTRAINT "iva_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iva_requests" ADD CONSTRAINT "iva_requests_batch_id_iva_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."iva_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "iva_batches_user_key" ON "iva_batches" USING btree ("user_id","request_key");--> statement-breakpoint
CREATE INDEX "iva_batches_user_created_idx" ON "iva_batches" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "iva_requests_business_key" ON "iva_requests" USING btree ("business_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "iva_requests_one_pending_key" ON "iva_requests" USING btree ("business_id","anio","mes",lower("email")) WHERE "iva_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "iva_requests_business_requested_idx" ON "iva_requests" USING btree ("business_id","requested_at");--> statement-breakpoint
CREATE INDEX "iva_requests_batch_idx" ON "iva_requests" USING btree ("batch_id");