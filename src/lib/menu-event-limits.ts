// The menu-event limits without Zod, so the public menu's browser code can use them: importing the schema module
// would bring Zod's ~30 KB (gzip) into a page whose whole script budget is 100 KB.

export const MAX_EVENTS_PER_BATCH = 50;
export const TABLE_CODE_MAX = 40;
/** The shape of a table code in a QR URL's `?t=`, as the endpoint accepts it. */
export const TABLE_CODE_SHAPE = /^[a-z0-9-]*$/;
