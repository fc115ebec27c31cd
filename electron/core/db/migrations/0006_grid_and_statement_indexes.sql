DROP INDEX `orders_status_idx`;--> statement-breakpoint
CREATE INDEX `orders_status_delivery_idx` ON `orders` (`status`,`delivery_date`,`customer_id`,`rep_id`);--> statement-breakpoint
DROP INDEX `ledger_customer_date_idx`;--> statement-breakpoint
CREATE INDEX `ledger_customer_date_amount_idx` ON `ledger_entries` (`customer_id`,`entry_date`,`amount_fen`);