/** The per-tenant rate limit (default 200/s) would cap every scenario. */
export const benchLimits = { ROSTER_RATE_LIMIT_PER_SECOND: '1000000' };
