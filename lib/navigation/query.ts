/** The longest query the command palette sends: its input's `maxLength` and the action's limit. */
export const NAVIGATION_QUERY_MAX = 100;
