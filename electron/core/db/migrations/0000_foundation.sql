CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`manager_id` integer,
	`region` text DEFAULT '' NOT NULL,
	`channel` text,
	`active` integer DEFAULT true NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_manager_idx` ON `users` (`manager_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before_json` text,
	`after_json` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `customer_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`applied_by` integer NOT NULL,
	`applied_at` text NOT NULL,
	`month` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applied_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applications_customer_idx` ON `customer_applications` (`customer_id`);--> statement-breakpoint
CREATE INDEX `applications_status_idx` ON `customer_applications` (`status`);--> statement-breakpoint
CREATE TABLE `customer_change_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`requested_by` integer NOT NULL,
	`requested_at` text NOT NULL,
	`changes_json` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `changes_customer_idx` ON `customer_change_requests` (`customer_id`);--> statement-breakpoint
CREATE INDEX `changes_status_idx` ON `customer_change_requests` (`status`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_no` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`contact_person` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`industry` text DEFAULT '' NOT NULL,
	`business_type` text DEFAULT '' NOT NULL,
	`downstream_customers` text DEFAULT '' NOT NULL,
	`industry_standing` text DEFAULT '' NOT NULL,
	`organization_notes` text DEFAULT '' NOT NULL,
	`current_supplier` text DEFAULT '' NOT NULL,
	`selection_criteria` text DEFAULT '' NOT NULL,
	`settlement_process` text DEFAULT '' NOT NULL,
	`service_requirements` text DEFAULT '' NOT NULL,
	`project_prices` text DEFAULT '' NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`channel` text DEFAULT 'direct' NOT NULL,
	`owner_id` integer NOT NULL,
	`grade` text DEFAULT 'ordinary' NOT NULL,
	`lead_temperature` text,
	`settlement_type` text DEFAULT 'cash' NOT NULL,
	`credit_limit_fen` integer DEFAULT 0 NOT NULL,
	`credit_days` integer DEFAULT 0 NOT NULL,
	`monthly_volume_milli` integer DEFAULT 0 NOT NULL,
	`volume_unit` text DEFAULT '吨' NOT NULL,
	`famous_company` integer DEFAULT false NOT NULL,
	`factory_audit_passed` integer DEFAULT false NOT NULL,
	`monthly_agreement_date` text,
	`status` text DEFAULT 'prospect' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived_at` text,
	`version` integer DEFAULT 0 NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_no_unique` ON `customers` (`customer_no`);--> statement-breakpoint
CREATE INDEX `customers_owner_idx` ON `customers` (`owner_id`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_updated_idx` ON `customers` (`updated_at`);