/**
 * The roles a member can have in a business. Its own module, free of the database schema, so
 * the browser can list them without loading Drizzle's table builders.
 */
export const roles = ["owner", "accountant", "viewer"] as const;
export type Role = (typeof roles)[number];
