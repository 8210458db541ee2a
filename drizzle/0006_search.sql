CREATE TABLE `search_texts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`article_id` integer,
	`episode_id` integer,
	`start_ms` integer,
	`title` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "search_texts_owner" CHECK(("search_texts"."kind" = 'article' AND "search_texts"."article_id" IS NOT NULL AND "search_texts"."episode_id" IS NULL) OR ("search_texts"."kind" IN ('episode', 'transcript') AND "search_texts"."episode_id" IS NOT NULL AND "search_texts"."article_id" IS NULL)),
	CONSTRAINT "search_texts_start" CHECK("search_texts"."start_ms" IS NULL OR "search_texts"."start_ms" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_texts_article` ON `search_texts` (`article_id`);--> statement-breakpoint
CREATE INDEX `search_texts_episode` ON `search_texts` (`episode_id`,`kind`);--> statement-breakpoint
-- Site search (hand-written: drizzle-kit cannot declare virtual tables). An FTS5 index over
-- search_texts (external content: the text is stored once, in search_texts, and snippet() reads it
-- there), kept in step by the triggers below in the same statement as every write to search_texts,
-- so the index can never disagree with its rows (https://sqlite.org/fts5.html#external_content_tables).
-- porter: "mills" finds "mill"; remove_diacritics 2: "cafe" finds "café".
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	title, body,
	content='search_texts', content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `search_texts_after_insert` AFTER INSERT ON `search_texts` BEGIN
	INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_texts_after_delete` AFTER DELETE ON `search_texts` BEGIN
	INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_texts_after_update` AFTER UPDATE ON `search_texts` BEGIN
	INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
-- A database from before search: index what is plain text already (headlines, standfirsts, titles,
-- summaries); `podwire reindex` adds article bodies, show notes and transcripts, which need parsing.
INSERT INTO `search_texts` (kind, article_id, title, body) SELECT 'article', id, headline, standfirst FROM `articles`;
--> statement-breakpoint
INSERT INTO `search_texts` (kind, episode_id, title, body) SELECT 'episode', id, title, summary FROM `episodes`;
