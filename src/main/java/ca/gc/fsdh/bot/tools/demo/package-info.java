/**
 * The scripted demo ({@code demo}): the bot and the stand-ins on free local ports, a scenario over
 * signed HTTP, and what each person reads.
 */
package ca.gc.fsdh.bot.tools.demo;
