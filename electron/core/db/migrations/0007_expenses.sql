CREATE TABLE `expense_claim_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`expense_id` integer NOT NULL,
	`claimed_fen` integer NOT NULL,
	`reimbursable_fen` integer NOT NULL,
	`basis` text NOT NULL,
	`basis_en` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `expense_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`expense_id`) REFERENCES `expenses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `expense_claim_items_claim_idx` ON `expense_claim_items` (`claim_id`);--> statement-breakpoint
CREATE INDEX `expense_claim_items_expense_idx` ON `expense_claim_items` (`expense_id`);--> statement-breakpoint
CREATE TABLE `expense_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_no` text NOT NULL,
	`applicant_id` integer NOT NULL,
	`entered_by` integer NOT NULL,
	`status` text NOT NULL,
	`claimed_fen` integer NOT NULL,
	`reimbursable_fen` integer NOT NULL,
	`advance_fen` integer NOT NULL,
	`payable_fen` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`paid_at` text,
	`paid_by` integer,
	`returned_reason` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`applicant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paid_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `expense_claims_no_unique` ON `expense_claims` (`claim_no`);--> statement-breakpoint
CREATE INDEX `expense_claims_applicant_idx` ON `expense_claims` (`applicant_id`);--> statement-breakpoint
CREATE INDEX `expense_claims_status_idx` ON `expense_claims` (`status`);--> statement-breakpoint
CREATE TABLE `expense_invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`invoice_no` text NOT NULL,
	`invoice_date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `expense_claim_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `expense_invoices_item_idx` ON `expense_invoices` (`item_id`);--> statement-breakpoint
CREATE INDEX `expense_invoices_no_idx` ON `expense_invoices` (`invoice_no`);--> statement-breakpoint
CREATE TABLE `expenses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`expense_no` text NOT NULL,
	`type` text NOT NULL,
	`applicant_id` integer NOT NULL,
	`entered_by` integer NOT NULL,
	`purpose` text NOT NULL,
	`customer_id` integer,
	`order_id` integer,
	`trip_id` integer,
	`expense_date` text NOT NULL,
	`applied_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`approved_fen` integer NOT NULL,
	`reimbursed_fen` integer,
	`note` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`request_id` integer NOT NULL,
	`claim_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`applicant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trip_id`) REFERENCES `expenses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `policy_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `expense_claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `expenses_no_unique` ON `expenses` (`expense_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `expenses_request_unique` ON `expenses` (`request_id`);--> statement-breakpoint
CREATE INDEX `expenses_applicant_date_idx` ON `expenses` (`applicant_id`,`expense_date`);--> statement-breakpoint
CREATE INDEX `expenses_date_idx` ON `expenses` (`expense_date`);--> statement-breakpoint
CREATE INDEX `expenses_status_idx` ON `expenses` (`status`);--> statement-breakpoint
CREATE INDEX `expenses_customer_idx` ON `expenses` (`customer_id`);--> statement-breakpoint
CREATE INDEX `expenses_trip_idx` ON `expenses` (`trip_id`);--> statement-breakpoint
CREATE INDEX `expenses_claim_idx` ON `expenses` (`claim_id`);