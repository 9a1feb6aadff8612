/**
 * The benchmarks ({@code bench acks}, {@code dms}, {@code export}, {@code migrate}): figures and
 * ratios against their targets, printed, never asserted in the test suite.
 */
package ca.gc.fsdh.bot.tools.bench;
