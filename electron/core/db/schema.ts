// The whole schema, assembled from each module's part (drizzle-kit reads this file).
export * from '../users/schema';
export * from '../settings/schema';
export * from '../audit/schema';
export * from '../customers/schema';
export * from '../policy/schema';
export * from '../requests/schema';
export * from '../products/schema';
export * from '../orders/schema';
export * from '../ledger/schema';
export * from '../expenses/schema';
export * from '../complaints/schema';
export * from '../leave/schema';
export * from '../attendance/schema';
export * from '../targets/schema';
export * from '../activity/schema';
export * from '../performance/schema';
