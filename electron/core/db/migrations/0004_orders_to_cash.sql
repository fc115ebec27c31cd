CREATE TABLE `product_prices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`effective_from` text NOT NULL,
	`standard_price_fen` integer NOT NULL,
	`cost_price_fen` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_prices_product_day_unique` ON `product_prices` (`product_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`spec` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '吨' NOT NULL,
	`product_line` text DEFAULT '' NOT NULL,
	`standard_price_fen` integer DEFAULT 0 NOT NULL,
	`cost_price_fen` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_code_unique` ON `products` (`code`);--> statement-breakpoint
CREATE INDEX `products_name_idx` ON `products` (`name`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`product_name` text NOT NULL,
	`spec` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`quantity_milli` integer NOT NULL,
	`unit_price_fen` integer NOT NULL,
	`standard_price_fen` integer NOT NULL,
	`cost_price_fen` integer DEFAULT 0 NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_lines_product_idx` ON `order_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `order_surveys` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`quality` integer NOT NULL,
	`response_time` integer NOT NULL,
	`service_speed` integer NOT NULL,
	`attitude` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`complaint_opened` integer DEFAULT false NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `order_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`by_user` integer NOT NULL,
	`at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_transitions_order_idx` ON `order_transitions` (`order_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_no` text NOT NULL,
	`customer_id` integer NOT NULL,
	`rep_id` integer NOT NULL,
	`order_date` text NOT NULL,
	`required_schedule` text DEFAULT '' NOT NULL,
	`delivery_date` text,
	`delivery_place` text DEFAULT '' NOT NULL,
	`packaging` text DEFAULT '' NOT NULL,
	`shipping_method` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`approval_state` text DEFAULT 'none' NOT NULL,
	`policy_request_id` integer,
	`deposit_fen` integer DEFAULT 0 NOT NULL,
	`total_fen` integer DEFAULT 0 NOT NULL,
	`inspected_at` text,
	`inspection_results` text DEFAULT '' NOT NULL,
	`customer_notified_at` text,
	`customer_notified_by` integer,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`policy_request_id`) REFERENCES `policy_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_notified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_no_unique` ON `orders` (`order_no`);--> statement-breakpoint
CREATE INDEX `orders_customer_idx` ON `orders` (`customer_id`);--> statement-breakpoint
CREATE INDEX `orders_rep_idx` ON `orders` (`rep_id`);--> statement-breakpoint
CREATE INDEX `orders_status_idx` ON `orders` (`status`);--> statement-breakpoint
CREATE INDEX `orders_date_idx` ON `orders` (`order_date`);--> statement-breakpoint
CREATE INDEX `orders_delivery_idx` ON `orders` (`delivery_date`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`entry_date` text NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`order_id` integer,
	`shipment_id` integer,
	`reverses_id` integer,
	`rep_id` integer,
	`reference` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_customer_date_idx` ON `ledger_entries` (`customer_id`,`entry_date`);--> statement-breakpoint
CREATE INDEX `ledger_order_idx` ON `ledger_entries` (`order_id`);--> statement-breakpoint
CREATE INDEX `ledger_date_idx` ON `ledger_entries` (`entry_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_reverses_unique` ON `ledger_entries` (`reverses_id`);--> statement-breakpoint
CREATE TABLE `receipt_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_entry_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`receipt_entry_id`) REFERENCES `ledger_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receipt_allocations_receipt_idx` ON `receipt_allocations` (`receipt_entry_id`);--> statement-breakpoint
CREATE INDEX `receipt_allocations_order_idx` ON `receipt_allocations` (`order_id`);--> statement-breakpoint
CREATE TABLE `reconciliations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`rep_id` integer NOT NULL,
	`published_at` text NOT NULL,
	`published_by` integer NOT NULL,
	`disputed_at` text,
	`dispute_note` text DEFAULT '' NOT NULL,
	`locked_at` text,
	`figures_json` text NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reconciliations_month_rep_unique` ON `reconciliations` (`month`,`rep_id`);--> statement-breakpoint
CREATE TABLE `shipment_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_id` integer NOT NULL,
	`order_line_id` integer NOT NULL,
	`quantity_milli` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shipment_lines_shipment_idx` ON `shipment_lines` (`shipment_id`);--> statement-breakpoint
CREATE INDEX `shipment_lines_order_line_idx` ON `shipment_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_no` text NOT NULL,
	`order_id` integer NOT NULL,
	`ship_date` text NOT NULL,
	`carrier` text DEFAULT '' NOT NULL,
	`delivered_at` text,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_no_unique` ON `shipments` (`shipment_no`);--> statement-breakpoint
CREATE INDEX `shipments_order_idx` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE INDEX `shipments_date_idx` ON `shipments` (`ship_date`);