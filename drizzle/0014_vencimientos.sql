CREATE TABLE "comprobante_vencimientos" (
	"business_id" uuid NOT NULL,
	"tipo" text NOT NULL,
	"punto_venta" integer NOT NULL,
	"numero" integer NOT NULL,
	"found" boolean NOT NULL,
	"vencimiento" date,
	"ctacte_status" text,
	"looked_up_at" timestamp with time zone NOT NULL,
	CONSTRAINT "comprobante_vencimientos_business_id_tipo_punto_venta_numero_pk" PRIMARY KEY("business_id","tipo","punto_venta","numero")
);
--> statement-breakpoint
ALTER TABLE "cuenta_corriente_snapshots" ADD COLUMN "unpaid" jsonb;--> statement-breakpoint
ALTER TABLE "comprobante_vencimientos" ADD CONSTRAINT "comprobante_vencimientos_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;