CREATE TABLE `listen_anomalies` (
	`day` text NOT NULL,
	`address` text NOT NULL,
	`kind` text NOT NULL,
	`episode_id` integer DEFAULT 0 NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `address`, `kind`, `episode_id`),
	CONSTRAINT "listen_anomalies_day" CHECK(day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE TABLE `listen_closed_days` (
	`day` text PRIMARY KEY NOT NULL,
	`closed_at` integer NOT NULL,
	CONSTRAINT "listen_closed_days_day" CHECK(day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE TABLE `listen_days` (
	`day` text NOT NULL,
	`episode_id` integer NOT NULL,
	`show_id` integer NOT NULL,
	`app` text NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`downloads` integer NOT NULL,
	PRIMARY KEY(`day`, `episode_id`, `app`, `country`, `source`),
	CONSTRAINT "listen_days_day" CHECK(day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "listen_days_downloads" CHECK("listen_days"."downloads" > 0)
);
--> statement-breakpoint
CREATE INDEX `listen_days_show_idx` ON `listen_days` (`show_id`,`day`);--> statement-breakpoint
CREATE TABLE `listen_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`at` integer NOT NULL,
	`asset_id` integer NOT NULL,
	`episode_id` integer NOT NULL,
	`show_id` integer NOT NULL,
	`listener` text NOT NULL,
	`address` text NOT NULL,
	`user_agent` text NOT NULL,
	`app` text NOT NULL,
	`kind` text NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`range_start` integer NOT NULL,
	`range_end` integer NOT NULL,
	`threshold` integer NOT NULL,
	CONSTRAINT "listen_events_day" CHECK(day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "listen_events_range" CHECK("listen_events"."range_start" >= 0 AND "listen_events"."range_end" > "listen_events"."range_start")
);
--> statement-breakpoint
CREATE INDEX `listen_events_episode_idx` ON `listen_events` (`day`,`episode_id`);--> statement-breakpoint
CREATE INDEX `listen_events_show_idx` ON `listen_events` (`day`,`show_id`);--> statement-breakpoint
CREATE TABLE `listen_keys` (
	`day` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	CONSTRAINT "listen_keys_day" CHECK(day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
ALTER TABLE `media_assets` ADD `minute_bytes` integer;
