CREATE TABLE `article_episodes` (
	`article_id` integer NOT NULL,
	`episode_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`article_id`, `episode_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "article_episodes_position_check" CHECK("article_episodes"."position" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_episodes_position` ON `article_episodes` (`article_id`,`position`);--> statement-breakpoint
CREATE INDEX `article_episodes_episode_idx` ON `article_episodes` (`episode_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`guid` text NOT NULL,
	`headline` text NOT NULL,
	`standfirst` text DEFAULT '' NOT NULL,
	`body_html` text DEFAULT '' NOT NULL,
	`authors` text DEFAULT '[]' NOT NULL,
	`section_id` integer NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`image_asset_id` integer,
	`image_alt` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`image_asset_id`) REFERENCES `media_assets`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "articles_slug" CHECK(length(slug) BETWEEN 1 AND 200 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*'),
	CONSTRAINT "articles_headline" CHECK(length("articles"."headline") > 0),
	CONSTRAINT "articles_guid" CHECK(length("articles"."guid") > 0),
	CONSTRAINT "articles_status" CHECK(status IN ('draft', 'scheduled', 'published')),
	CONSTRAINT "articles_published_at" CHECK("articles"."status" = 'draft' OR "articles"."published_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_guid_unique` ON `articles` (`guid`);--> statement-breakpoint
CREATE INDEX `articles_listing_idx` ON `articles` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_section_idx` ON `articles` (`section_id`,`status`,`published_at`);--> statement-breakpoint
CREATE TABLE `catalog_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_state_single_row" CHECK("catalog_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `episode_alternates` (
	`episode_id` integer NOT NULL,
	`asset_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`episode_id`, `asset_id`),
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`asset_id`) REFERENCES `media_assets`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "episode_alternates_position_check" CHECK("episode_alternates"."position" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `episode_alternates_position` ON `episode_alternates` (`episode_id`,`position`);--> statement-breakpoint
CREATE TABLE `episodes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`show_id` integer NOT NULL,
	`guid` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`content_html` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`season` integer,
	`number` integer,
	`type` text DEFAULT 'full' NOT NULL,
	`explicit` integer,
	`image_asset_id` integer,
	`audio_asset_id` integer,
	`transcript_asset_id` integer,
	`chapters_asset_id` integer,
	`persons` text DEFAULT '[]' NOT NULL,
	`block` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`image_asset_id`) REFERENCES `media_assets`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`audio_asset_id`) REFERENCES `media_assets`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`transcript_asset_id`) REFERENCES `media_assets`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`chapters_asset_id`) REFERENCES `media_assets`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "episodes_slug" CHECK(length(slug) BETWEEN 1 AND 200 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*'),
	CONSTRAINT "episodes_title" CHECK(length("episodes"."title") > 0),
	CONSTRAINT "episodes_guid" CHECK(length("episodes"."guid") > 0),
	CONSTRAINT "episodes_status" CHECK(status IN ('draft', 'scheduled', 'published')),
	CONSTRAINT "episodes_published_at" CHECK("episodes"."status" = 'draft' OR "episodes"."published_at" IS NOT NULL),
	CONSTRAINT "episodes_audio" CHECK("episodes"."status" = 'draft' OR "episodes"."audio_asset_id" IS NOT NULL),
	CONSTRAINT "episodes_season" CHECK("episodes"."season" IS NULL OR "episodes"."season" > 0),
	CONSTRAINT "episodes_number" CHECK("episodes"."number" IS NULL OR "episodes"."number" > 0),
	CONSTRAINT "episodes_type" CHECK(type IN ('full', 'trailer', 'bonus'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `episodes_guid_unique` ON `episodes` (`guid`);--> statement-breakpoint
CREATE INDEX `episodes_listing_idx` ON `episodes` (`show_id`,`status`,`published_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `episodes_show_slug` ON `episodes` (`show_id`,`slug`);--> statement-breakpoint
CREATE TABLE `gone_paths` (
	`path` text PRIMARY KEY NOT NULL,
	`gone_at` integer NOT NULL,
	CONSTRAINT "gone_paths_path" CHECK("gone_paths"."path" LIKE '/%')
);
--> statement-breakpoint
CREATE TABLE `media_assets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`duration_seconds` real,
	`bitrate` integer,
	`container` text,
	`codec` text,
	`sample_rate` integer,
	`channels` integer,
	`lossless` integer,
	`chapters` text DEFAULT '[]' NOT NULL,
	`width` integer,
	`height` integer,
	`source_mtime` integer,
	`probed_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "media_assets_key" CHECK(length("media_assets"."key") > 0 AND "media_assets"."key" NOT LIKE '/%' AND instr("media_assets"."key", '..') = 0),
	CONSTRAINT "media_assets_size" CHECK("media_assets"."size_bytes" >= 0),
	CONSTRAINT "media_assets_sha256" CHECK(length("media_assets"."sha256") = 64),
	CONSTRAINT "media_assets_duration" CHECK("media_assets"."duration_seconds" IS NULL OR "media_assets"."duration_seconds" >= 0),
	CONSTRAINT "media_assets_audio_probed" CHECK("media_assets"."mime_type" NOT LIKE 'audio/%' OR "media_assets"."duration_seconds" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_assets_key_unique` ON `media_assets` (`key`);--> statement-breakpoint
CREATE INDEX `media_assets_sha256_idx` ON `media_assets` (`sha256`);--> statement-breakpoint
CREATE TABLE `redirects` (
	`from_path` text PRIMARY KEY NOT NULL,
	`to_path` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "redirects_from" CHECK("redirects"."from_path" LIKE '/%'),
	CONSTRAINT "redirects_to" CHECK("redirects"."to_path" LIKE '/%' OR "redirects"."to_path" LIKE 'https://%' OR "redirects"."to_path" LIKE 'http://%')
);
--> statement-breakpoint
CREATE TABLE `sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "sections_slug" CHECK(length(slug) BETWEEN 1 AND 200 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*'),
	CONSTRAINT "sections_name" CHECK(length("sections"."name") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sections_slug_unique` ON `sections` (`slug`);--> statement-breakpoint
CREATE TABLE `shows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`podcast_guid` text NOT NULL,
	`title` text NOT NULL,
	`subtitle` text DEFAULT '' NOT NULL,
	`description` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`link` text,
	`author` text NOT NULL,
	`owner_name` text,
	`owner_email` text,
	`artwork_asset_id` integer,
	`categories` text DEFAULT '[]' NOT NULL,
	`explicit` integer DEFAULT false NOT NULL,
	`type` text DEFAULT 'episodic' NOT NULL,
	`copyright` text,
	`locked` integer DEFAULT false NOT NULL,
	`funding` text DEFAULT '[]' NOT NULL,
	`new_feed_url` text,
	`complete` integer DEFAULT false NOT NULL,
	`block` integer DEFAULT false NOT NULL,
	`medium` text DEFAULT 'podcast' NOT NULL,
	`persons` text DEFAULT '[]' NOT NULL,
	`txt` text DEFAULT '[]' NOT NULL,
	`podroll` text DEFAULT '[]' NOT NULL,
	`update_frequency` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`artwork_asset_id`) REFERENCES `media_assets`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "shows_slug" CHECK(length(slug) BETWEEN 1 AND 200 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*'),
	CONSTRAINT "shows_title" CHECK(length("shows"."title") > 0),
	CONSTRAINT "shows_description" CHECK(length("shows"."description") > 0),
	CONSTRAINT "shows_author" CHECK(length("shows"."author") > 0),
	CONSTRAINT "shows_language" CHECK(length("shows"."language") BETWEEN 2 AND 35),
	CONSTRAINT "shows_type" CHECK(type IN ('episodic', 'serial')),
	CONSTRAINT "shows_guid" CHECK(length("shows"."podcast_guid") = 36)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shows_slug_unique` ON `shows` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `shows_podcast_guid_unique` ON `shows` (`podcast_guid`);