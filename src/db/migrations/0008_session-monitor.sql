CREATE TABLE "monitor_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"instance_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"actions" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"condition" text NOT NULL,
	"subject_id" text NOT NULL,
	"session_id" uuid,
	"age_seconds" integer NOT NULL,
	"threshold_seconds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	CONSTRAINT "session_alerts_condition_check" CHECK (condition in ('start_nudge', 'waiting_stuck', 'not_started_released', 'max_duration', 'checkout_unconfirmed'))
);
--> statement-breakpoint
ALTER TABLE "session_alerts" ADD CONSTRAINT "session_alerts_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_alerts" ADD CONSTRAINT "session_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_runs_started_at_index" ON "monitor_runs" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "session_alerts_condition_subject_id_index" ON "session_alerts" USING btree ("condition","subject_id");--> statement-breakpoint
CREATE INDEX "session_alerts_session_id_index" ON "session_alerts" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_alerts_created_at_index" ON "session_alerts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sessions_status_status_changed_at_index" ON "sessions" USING btree ("status","status_changed_at");