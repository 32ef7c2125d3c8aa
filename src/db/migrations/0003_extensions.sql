CREATE TABLE "session_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_extensions_paymentId_unique" UNIQUE("payment_id")
);
--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "success_path" text DEFAULT '/customer' NOT NULL;--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "cancel_path" text DEFAULT '/customer' NOT NULL;--> statement-breakpoint
ALTER TABLE "session_extensions" ADD CONSTRAINT "session_extensions_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_extensions" ADD CONSTRAINT "session_extensions_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_extensions_session_id_created_at_index" ON "session_extensions" USING btree ("session_id","created_at");