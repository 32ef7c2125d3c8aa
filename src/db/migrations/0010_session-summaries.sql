CREATE TABLE "session_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"customer_id" text NOT NULL,
	"mechanic_id" text NOT NULL,
	"stars" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_ratings_sessionId_unique" UNIQUE("session_id"),
	CONSTRAINT "session_ratings_stars_check" CHECK ("session_ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "session_summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"mechanic_id" text NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"steps_taken" text DEFAULT '' NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"urgency" text,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photo_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"summary_submitted_at" timestamp with time zone,
	CONSTRAINT "session_summaries_sessionId_unique" UNIQUE("session_id"),
	CONSTRAINT "session_summaries_urgency_check" CHECK (urgency is null or urgency in ('safe_to_drive', 'fix_soon', 'stop_driving'))
);
--> statement-breakpoint
ALTER TABLE "session_ratings" ADD CONSTRAINT "session_ratings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_ratings" ADD CONSTRAINT "session_ratings_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_ratings" ADD CONSTRAINT "session_ratings_mechanic_id_users_id_fk" FOREIGN KEY ("mechanic_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_summaries" ADD CONSTRAINT "session_summaries_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_summaries" ADD CONSTRAINT "session_summaries_mechanic_id_users_id_fk" FOREIGN KEY ("mechanic_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_ratings_mechanic_id_index" ON "session_ratings" USING btree ("mechanic_id");--> statement-breakpoint
CREATE INDEX "session_summaries_mechanic_id_summary_submitted_at_index" ON "session_summaries" USING btree ("mechanic_id","summary_submitted_at");