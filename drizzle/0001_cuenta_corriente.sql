CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"cuit" text NOT NULL,
	"nombre" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cuenta_corriente_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"cuit" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"movimientos" jsonb NOT NULL,
	"movimientos_count" integer NOT NULL,
	"saldo_centavos" bigint NOT NULL,
	"resta_abonar_centavos" bigint NOT NULL,
	"oldest_unpaid_fecha" date
);
--> statement-breakpoint
ALTER TABLE "tusfacturas_requests" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuenta_corriente_snapshots" ADD CONSTRAINT "cuenta_corriente_snapshots_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clients_business_cuit_key" ON "clients" USING btree ("business_id","cuit");--> statement-breakpoint
CREATE INDEX "cuenta_corriente_snapshots_business_cuit_fetched_idx" ON "cuenta_corriente_snapshots" USING btree ("business_id","cuit","fetched_at");