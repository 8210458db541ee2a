CREATE TABLE `feed_pings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target` text NOT NULL,
	`feed_url` text NOT NULL,
	`reason` text DEFAULT 'update' NOT NULL,
	`medium` text NOT NULL,
	`version` text NOT NULL,
	`changed_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `feed_pings_due_idx` ON `feed_pings` (`due_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `feed_pings_target_feed` ON `feed_pings` (`target`,`feed_url`,`reason`);--> statement-breakpoint
CREATE TABLE `live_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`show_id` integer NOT NULL,
	`guid` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer,
	`stream_url` text NOT NULL,
	`stream_type` text NOT NULL,
	`content_link` text,
	`chat_url` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "live_items_title" CHECK(length("live_items"."title") > 0),
	CONSTRAINT "live_items_end" CHECK("live_items"."end_at" IS NULL OR "live_items"."end_at" > "live_items"."start_at"),
	CONSTRAINT "live_items_status" CHECK(status IN ('pending', 'live', 'ended'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_items_guid_unique` ON `live_items` (`guid`);--> statement-breakpoint
CREATE INDEX `live_items_show_idx` ON `live_items` (`show_id`,`status`);--> statement-breakpoint
CREATE TABLE `subscriber_uses` (
	`subscriber_id` integer NOT NULL,
	`day` text NOT NULL,
	`network_hash` text NOT NULL,
	`feed_fetches` integer DEFAULT 0 NOT NULL,
	`media_fetches` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`subscriber_id`, `day`, `network_hash`),
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`show_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "subscribers_token_hash" CHECK(length("subscribers"."token_hash") = 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_token_hash_unique` ON `subscribers` (`token_hash`);--> statement-breakpoint
CREATE INDEX `subscribers_show_idx` ON `subscribers` (`show_id`);--> statement-breakpoint
ALTER TABLE `episodes` ADD `soundbites` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `social_interact` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `license` text;--> statement-breakpoint
ALTER TABLE `episodes` ADD `location` text;--> statement-breakpoint
ALTER TABLE `shows` ADD `access` text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE `shows` ADD `license` text;--> statement-breakpoint
ALTER TABLE `shows` ADD `location` text;