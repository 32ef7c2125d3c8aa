CREATE TABLE "checkouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"customer_id" text NOT NULL,
	"session_id" uuid,
	"provider" text NOT NULL,
	"provider_checkout_id" text,
	"amount_cents" integer NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"details" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "checkouts_providerCheckoutId_unique" UNIQUE("provider_checkout_id"),
	CONSTRAINT "checkouts_kind_check" CHECK ("checkouts"."kind" in ('booking', 'extension')),
	CONSTRAINT "checkouts_status_check" CHECK ("checkouts"."status" in ('open', 'paid', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checkout_id" uuid NOT NULL,
	"session_id" uuid,
	"provider" text NOT NULL,
	"provider_payment_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refund_reason" text,
	"refund_requested_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"provider_refund_id" text,
	CONSTRAINT "payments_checkoutId_unique" UNIQUE("checkout_id")
);
--> statement-breakpoint
CREATE TABLE "session_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"sender_id" text NOT NULL,
	"client_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_messages_body_length" CHECK (char_length("session_messages"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" text NOT NULL,
	"mechanic_id" text,
	"plan" text NOT NULL,
	"status" text NOT NULL,
	"vehicle_year" integer NOT NULL,
	"vehicle_make" text NOT NULL,
	"vehicle_model" text NOT NULL,
	"concern" text NOT NULL,
	"duration_seconds" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"last_warning_minutes" integer,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_status_check" CHECK ("sessions"."status" in ('pending', 'accepted', 'waiting', 'live', 'reconnecting', 'completed', 'cancelled', 'expired')),
	CONSTRAINT "sessions_plan_check" CHECK ("sessions"."plan" in ('chat', 'video', 'diagnostic')),
	CONSTRAINT "sessions_concern_length" CHECK (char_length("sessions"."concern") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_checkout_id_checkouts_id_fk" FOREIGN KEY ("checkout_id") REFERENCES "public"."checkouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_messages" ADD CONSTRAINT "session_messages_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_messages" ADD CONSTRAINT "session_messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_mechanic_id_users_id_fk" FOREIGN KEY ("mechanic_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkouts_customer_id_status_index" ON "checkouts" USING btree ("customer_id","status");--> statement-breakpoint
CREATE INDEX "payments_session_id_index" ON "payments" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_messages_session_id_sender_id_client_id_index" ON "session_messages" USING btree ("session_id","sender_id","client_id");--> statement-breakpoint
CREATE INDEX "session_messages_session_id_id_index" ON "session_messages" USING btree ("session_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_one_active_per_customer" ON "sessions" USING btree ("customer_id") WHERE "sessions"."status" in ('pending', 'accepted', 'waiting', 'live', 'reconnecting');--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_one_active_per_mechanic" ON "sessions" USING btree ("mechanic_id") WHERE "sessions"."status" in ('pending', 'accepted', 'waiting', 'live', 'reconnecting');--> statement-breakpoint
CREATE INDEX "sessions_status_expires_at_index" ON "sessions" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "sessions_customer_id_created_at_index" ON "sessions" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_mechanic_id_created_at_index" ON "sessions" USING btree ("mechanic_id","created_at");