CREATE TABLE "throttles" (
	"rule" text NOT NULL,
	"key" text NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "throttles_rule_key_pk" PRIMARY KEY("rule","key")
);
