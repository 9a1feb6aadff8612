/**
 * The request domain: a migration or offboarding request, its states and lifecycle, who may do what
 * ({@code RequestService}), its stores (one port per concern: {@code RequestStore}, {@code
 * RunLeases}, {@code PlansAndResults}, and the outbox of the Slack messages each change causes),
 * its plan ({@code PlanStep}) and its durable runs ({@code DurableRuns} schedules them through
 * Quartz, {@code RunWorker} claims and runs one, {@code RequestEngine} is the way into the
 * migration core, {@code CoreRequestEngine} its implementation). Imports no Slack. May use the
 * {@code platform} packages, the migration core's API, and of reminders only the {@code
 * WorkspaceStanding} port it implements ({@code StandingFromRequests}).
 */
package ca.gc.fsdh.bot.requests;
