CREATE TABLE `media_journal` (
	`key` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL,
	`owner` text,
	`due_at` integer NOT NULL,
	CONSTRAINT "media_journal_action" CHECK(action IN ('upload', 'remove')),
	CONSTRAINT "media_journal_key" CHECK(length("media_journal"."key") > 0)
);
--> statement-breakpoint
CREATE INDEX `media_journal_due_idx` ON `media_journal` (`action`,`due_at`);--> statement-breakpoint
ALTER TABLE `articles` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sections` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `shows` ADD `version` integer DEFAULT 1 NOT NULL;