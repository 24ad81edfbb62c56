/** The escalation ladder 提醒 → 预警 → 督办 → 约谈, ascending; the index is the level's rank. */
export const ALERT_LEVELS = ['none', 'remind', 'warn', 'supervise', 'interview'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
/** The levels that are an alert: 提醒 → 预警 → 督办 → 约谈. */
export const ESCALATION = ['remind', 'warn', 'supervise', 'interview'] as const;
export type EscalationLevel = (typeof ESCALATION)[number];
export const NONE = 0;
export const REMIND = 1;
export const WARN = 2;
export const SUPERVISE = 3;
export const INTERVIEW = 4;

/** Workflow stages 下达 → 领办 → 反馈 → 评价, plus 退出 (exempt). */
export const STAGES = ['issued', 'claimed', 'reported', 'evaluated', 'exempt'] as const;
export type Stage = (typeof STAGES)[number];
export const ISSUED = 0;
export const CLAIMED = 1;
export const REPORTED = 2;
export const EVALUATED = 3;
export const EXEMPT = 4;
/** An assignment issued after the as-of date does not exist yet. */
export const NOT_ISSUED = -1;

export const SCORINGS = ['ratio', 'binary', 'rating', 'inverse'] as const;
export const RATIO = 0;
export const BINARY = 1;
export const RATING = 2;
export const INVERSE = 3;

/**
 * Two computed values closer than this are equal (methodology §5, §6): floating
 * noise must not split a tie, drop a grade or an alert threshold.
 */
export const EPSILON = 1e-9;
