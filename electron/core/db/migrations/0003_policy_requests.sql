CREATE TABLE `policy_request_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`role` text NOT NULL,
	`approver_id` integer,
	`status` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `policy_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `policy_request_steps_request_idx` ON `policy_request_steps` (`request_id`);--> statement-breakpoint
CREATE INDEX `policy_request_steps_pending_idx` ON `policy_request_steps` (`status`,`role`,`approver_id`);--> statement-breakpoint
CREATE TABLE `policy_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`applicant_id` integer NOT NULL,
	`entered_by` integer NOT NULL,
	`fields_json` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`decision_json` text NOT NULL,
	`submitted_on` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`applicant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `policy_requests_applicant_idx` ON `policy_requests` (`applicant_id`);--> statement-breakpoint
CREATE INDEX `policy_requests_status_idx` ON `policy_requests` (`status`);