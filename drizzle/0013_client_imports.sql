CREATE TABLE "client_import_found" (
	"import_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"documento_tipo" text NOT NULL,
	"documento_nro" text NOT NULL,
	"razon_social" text NOT NULL,
	"comprobantes" integer NOT NULL,
	"ultima_fecha" date NOT NULL,
	CONSTRAINT "client_import_found_import_id_documento_tipo_documento_nro_pk" PRIMARY KEY("import_id","documento_tipo","documento_nro")
);
--> statement-breakpoint
CREATE TABLE "client_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"user_id" uuid,
	"desde" date NOT NULL,
	"hasta" date NOT NULL,
	"last_done" date,
	"days_total" integer NOT NULL,
	"days_done" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "client_import_found" ADD CONSTRAINT "client_import_found_import_id_client_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."client_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_import_found" ADD CONSTRAINT "client_import_found_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_imports" ADD CONSTRAINT "client_imports_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_imports" ADD CONSTRAINT "client_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_import_found_business_idx" ON "client_import_found" USING btree ("business_id","import_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_imports_one_running_key" ON "client_imports" USING btree ("business_id") WHERE "client_imports"."status" = 'running';--> statement-breakpoint
CREATE INDEX "client_imports_business_created_idx" ON "client_imports" USING btree ("business_id","created_at");