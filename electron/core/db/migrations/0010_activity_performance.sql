CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`log_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`visit_date` text NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`outcome` text NOT NULL,
	`next_step` text DEFAULT '' NOT NULL,
	`falsified_at` text,
	`falsified_by` integer,
	`falsified_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `work_logs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`falsified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_log_idx` ON `visits` (`log_id`);--> statement-breakpoint
CREATE INDEX `visits_user_date_idx` ON `visits` (`user_id`,`visit_date`);--> statement-breakpoint
CREATE INDEX `visits_customer_date_idx` ON `visits` (`customer_id`,`visit_date`);--> statement-breakpoint
CREATE TABLE `weekly_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`week_start` text NOT NULL,
	`summary` text NOT NULL,
	`plan` text NOT NULL,
	`submitted_at` text NOT NULL,
	`days_late` integer DEFAULT 0 NOT NULL,
	`points_deducted` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `weekly_reports_user_week_unique` ON `weekly_reports` (`user_id`,`week_start`);--> statement-breakpoint
CREATE TABLE `work_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`log_date` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`submitted_at` text NOT NULL,
	`days_late` integer DEFAULT 0 NOT NULL,
	`points_deducted` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_logs_user_date_unique` ON `work_logs` (`user_id`,`log_date`);--> statement-breakpoint
CREATE INDEX `work_logs_date_idx` ON `work_logs` (`log_date`);--> statement-breakpoint
CREATE TABLE `grade_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`customer_id` integer NOT NULL,
	`from_grade` text NOT NULL,
	`to_grade` text NOT NULL,
	`status` text NOT NULL,
	`figures_json` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`decided_by` integer NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grade_decisions_month_customer_unique` ON `grade_decisions` (`month`,`customer_id`);--> statement-breakpoint
CREATE TABLE `performance_deductions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`rule_id` text NOT NULL,
	`date` text NOT NULL,
	`cases` integer DEFAULT 1 NOT NULL,
	`points` integer NOT NULL,
	`reason` text NOT NULL,
	`findings_json` text DEFAULT '[]' NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `performance_deductions_user_date_idx` ON `performance_deductions` (`user_id`,`date`);--> statement-breakpoint
CREATE INDEX `ledger_rep_date_amount_idx` ON `ledger_entries` (`rep_id`,`entry_date`,`amount_fen`);