-- Used by the Socket.IO Postgres adapter for payloads too large for NOTIFY; rows are short-lived.
CREATE TABLE IF NOT EXISTS "socket_io_attachments" (
	"id" bigserial UNIQUE,
	"created_at" timestamptz DEFAULT now(),
	"payload" bytea
);
