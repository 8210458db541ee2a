-- The catalogue's revision: every insert, update or delete of its tables raises it by one, so a
-- cache can ask one cheap question (has it changed?) before rendering anything. Written by hand:
-- drizzle-kit does not model triggers. One statement per breakpoint for drizzle's migrator and wrangler.
INSERT INTO `catalog_state` (`id`, `revision`) VALUES (1, 0) ON CONFLICT(`id`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `sections_insert_revision` AFTER INSERT ON `sections` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `sections_update_revision` AFTER UPDATE ON `sections` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `sections_delete_revision` AFTER DELETE ON `sections` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `articles_insert_revision` AFTER INSERT ON `articles` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `articles_update_revision` AFTER UPDATE ON `articles` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `articles_delete_revision` AFTER DELETE ON `articles` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `shows_insert_revision` AFTER INSERT ON `shows` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `shows_update_revision` AFTER UPDATE ON `shows` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `shows_delete_revision` AFTER DELETE ON `shows` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `episodes_insert_revision` AFTER INSERT ON `episodes` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `episodes_update_revision` AFTER UPDATE ON `episodes` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `episodes_delete_revision` AFTER DELETE ON `episodes` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `media_assets_insert_revision` AFTER INSERT ON `media_assets` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `media_assets_update_revision` AFTER UPDATE ON `media_assets` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `media_assets_delete_revision` AFTER DELETE ON `media_assets` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `article_episodes_insert_revision` AFTER INSERT ON `article_episodes` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `article_episodes_update_revision` AFTER UPDATE ON `article_episodes` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `article_episodes_delete_revision` AFTER DELETE ON `article_episodes` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `episode_alternates_insert_revision` AFTER INSERT ON `episode_alternates` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `episode_alternates_update_revision` AFTER UPDATE ON `episode_alternates` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `episode_alternates_delete_revision` AFTER DELETE ON `episode_alternates` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `redirects_insert_revision` AFTER INSERT ON `redirects` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `redirects_update_revision` AFTER UPDATE ON `redirects` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `redirects_delete_revision` AFTER DELETE ON `redirects` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `gone_paths_insert_revision` AFTER INSERT ON `gone_paths` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `gone_paths_update_revision` AFTER UPDATE ON `gone_paths` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `gone_paths_delete_revision` AFTER DELETE ON `gone_paths` BEGIN UPDATE `catalog_state` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
