CREATE TABLE `complaint_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`by_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_actions_complaint_idx` ON `complaint_actions` (`complaint_id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_no` text NOT NULL,
	`customer_id` integer NOT NULL,
	`order_id` integer,
	`work_order_no` text DEFAULT '' NOT NULL,
	`received_at` text NOT NULL,
	`occurred_at` text,
	`summary` text NOT NULL,
	`course` text DEFAULT '' NOT NULL,
	`responsible_id` integer,
	`owner_id` integer,
	`severity` text NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`handled_at` text,
	`responded_at` text,
	`slip_filed_at` text,
	`resolved_at` text,
	`confirmed_at` text,
	`confirmed_by` text DEFAULT '' NOT NULL,
	`archived_at` text,
	`escalated_at` text,
	`escalated_to` integer,
	`reviewed_at` text,
	`reviewed_by` integer,
	`compensation_fen` integer DEFAULT 0 NOT NULL,
	`handle_due_at` text NOT NULL,
	`respond_due_at` text NOT NULL,
	`slip_due_date` text NOT NULL,
	`entered_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`escalated_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_no_unique` ON `complaints` (`complaint_no`);--> statement-breakpoint
CREATE INDEX `complaints_customer_idx` ON `complaints` (`customer_id`);--> statement-breakpoint
CREATE INDEX `complaints_owner_idx` ON `complaints` (`owner_id`);--> statement-breakpoint
CREATE INDEX `complaints_status_idx` ON `complaints` (`status`);--> statement-breakpoint
CREATE INDEX `complaints_received_idx` ON `complaints` (`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_order_idx` ON `complaints` (`order_id`);--> statement-breakpoint
CREATE TABLE `leaves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`leave_no` text NOT NULL,
	`applicant_id` integer NOT NULL,
	`entered_by` integer NOT NULL,
	`leave_type` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`start_half_day` integer DEFAULT false NOT NULL,
	`end_half_day` integer DEFAULT false NOT NULL,
	`half_days` integer NOT NULL,
	`reason` text NOT NULL,
	`proxy_id` integer NOT NULL,
	`emergency_call_at` text,
	`applied_on` text NOT NULL,
	`status` text NOT NULL,
	`monthly_flag` integer DEFAULT false NOT NULL,
	`request_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`applicant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proxy_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `policy_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leaves_no_unique` ON `leaves` (`leave_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `leaves_request_unique` ON `leaves` (`request_id`);--> statement-breakpoint
CREATE INDEX `leaves_applicant_start_idx` ON `leaves` (`applicant_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `leaves_dates_idx` ON `leaves` (`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `attendance_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`work_date` text NOT NULL,
	`clock_in` text,
	`clock_out` text,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`entered_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_user_date_unique` ON `attendance_records` (`user_id`,`work_date`);--> statement-breakpoint
CREATE INDEX `attendance_date_idx` ON `attendance_records` (`work_date`);--> statement-breakpoint
CREATE TABLE `sign_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`entered_by` integer NOT NULL,
	`missed_on` text NOT NULL,
	`applied_on` text NOT NULL,
	`clock_in` text,
	`clock_out` text,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`request_id` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `policy_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_cards_request_unique` ON `sign_cards` (`request_id`);--> statement-breakpoint
CREATE INDEX `sign_cards_user_missed_idx` ON `sign_cards` (`user_id`,`missed_on`);--> statement-breakpoint
-- A complaint's handling record is append-only: what was done stays as it was recorded.
CREATE TRIGGER `complaint_actions_no_update` BEFORE UPDATE ON `complaint_actions`
BEGIN
  SELECT RAISE(ABORT, 'complaint_actions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `complaint_actions_no_delete` BEFORE DELETE ON `complaint_actions`
BEGIN
  SELECT RAISE(ABORT, 'complaint_actions is append-only');
END;
