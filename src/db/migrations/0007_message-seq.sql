-- Messages get a per-session sequence in commit order (the rejoin cursor). Existing messages are
-- numbered in id order, which is the order they were shown in before.
DROP INDEX "session_messages_session_id_id_index";--> statement-breakpoint
ALTER TABLE "session_messages" ADD COLUMN "seq" integer;--> statement-breakpoint
UPDATE "session_messages" AS m SET "seq" = numbered.seq
  FROM (SELECT "id", row_number() OVER (PARTITION BY "session_id" ORDER BY "id") AS seq FROM "session_messages") AS numbered
  WHERE m."id" = numbered."id";--> statement-breakpoint
ALTER TABLE "session_messages" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "session_messages_session_id_seq_index" ON "session_messages" USING btree ("session_id","seq");
