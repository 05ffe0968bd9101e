export type { Fetch, NewTicket, TicketRef, TicketStatus, Tracker, TrackerErrorKind } from './types';
export { TrackerError } from './types';
export { assignee, newTicket, planSync } from './plan';
export type { PlannedTicket, PlanOptions, SkippedItem, SyncDocument, SyncPlan } from './plan';
export { asTrackerError, createTickets, readStatuses } from './run';
export type { CreatedTicket, CreateReport, FailedItem, RunOptions, StatusResult } from './run';
export { itemsById, wholeLinesEdit, writeBack } from './writeBack';
export type { TicketLink, WriteBackResult } from './writeBack';
