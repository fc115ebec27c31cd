CREATE TABLE `target_cells` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`dimension` text NOT NULL,
	`key` text DEFAULT '' NOT NULL,
	`amount_fen` integer NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `target_cells_cell_unique` ON `target_cells` (`year`,`month`,`dimension`,`key`);--> statement-breakpoint
CREATE INDEX `target_cells_period_idx` ON `target_cells` (`year`,`month`);