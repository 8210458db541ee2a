CREATE TABLE `rendered_bodies` (
	`hash` text PRIMARY KEY NOT NULL,
	`body` blob NOT NULL,
	CONSTRAINT "rendered_bodies_hash" CHECK(length("rendered_bodies"."hash") = 64)
);
--> statement-breakpoint
CREATE TABLE `rendered_documents` (
	`key` text PRIMARY KEY NOT NULL,
	`hash` text NOT NULL,
	`revision` integer NOT NULL,
	`config_tag` text NOT NULL,
	`status` integer DEFAULT 200 NOT NULL,
	`content_type` text NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`last_modified` integer NOT NULL,
	`expires_at` integer,
	`size_bytes` integer NOT NULL,
	`rendered_at` integer NOT NULL,
	CONSTRAINT "rendered_documents_hash" CHECK(length("rendered_documents"."hash") = 64),
	CONSTRAINT "rendered_documents_status" CHECK("rendered_documents"."status" IN (200, 301))
);
