CREATE TABLE `calendar_overrides` (
	`date` text PRIMARY KEY NOT NULL,
	`working` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `policy_params` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule_id` text NOT NULL,
	`effective_from` text NOT NULL,
	`params_json` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_params_rule_day_unique` ON `policy_params` (`rule_id`,`effective_from`);--> statement-breakpoint
CREATE INDEX `policy_params_rule_idx` ON `policy_params` (`rule_id`);