CREATE TABLE `search_reindex_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`missing_only` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`phase` text DEFAULT 'articles' NOT NULL,
	`after_id` integer DEFAULT 0 NOT NULL,
	`articles` integer DEFAULT 0 NOT NULL,
	`episodes` integer DEFAULT 0 NOT NULL,
	`transcripts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`lease_until` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "search_reindex_status" CHECK(status IN ('running', 'done', 'failed')),
	CONSTRAINT "search_reindex_phase" CHECK(phase IN ('articles', 'episodes', 'index', 'done'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_reindex_one_running` ON `search_reindex_jobs` (`status`) WHERE status = 'running';