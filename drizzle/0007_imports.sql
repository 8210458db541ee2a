CREATE TABLE `import_items` (
	`job_id` integer NOT NULL,
	`position` integer NOT NULL,
	`guid` text NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`episode_id` integer,
	PRIMARY KEY(`job_id`, `position`),
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_items_status_idx` ON `import_items` (`job_id`,`status`);--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`feed_url` text,
	`show_slug` text,
	`show_id` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`owner_email` text,
	`i_own_this_feed` integer DEFAULT false NOT NULL,
	`show_status` text,
	`total` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`error` text,
	`warnings` text DEFAULT '[]' NOT NULL,
	`lease_until` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "import_jobs_status" CHECK(status IN ('queued', 'running', 'done', 'failed', 'refused'))
);
--> statement-breakpoint
CREATE INDEX `import_jobs_status_idx` ON `import_jobs` (`status`);--> statement-breakpoint
CREATE TABLE `imported_episodes` (
	`episode_id` integer PRIMARY KEY NOT NULL,
	`feed_url` text NOT NULL,
	`source_digest` text NOT NULL,
	`audio_url` text,
	`image_url` text,
	`transcript_url` text,
	`chapters_url` text,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `imported_shows` (
	`show_id` integer PRIMARY KEY NOT NULL,
	`source_url` text NOT NULL,
	`feed_url` text NOT NULL,
	`source_digest` text NOT NULL,
	`artwork_url` text,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE cascade
);
