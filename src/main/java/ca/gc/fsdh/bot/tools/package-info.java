/**
 * The tools, apart from production: {@code ToolsMain} (the tools jar's entry) adds {@code demo},
 * {@code sandbox} and {@code bench} to the production command line. No production class may import
 * this package or its sub-packages, and the production jar holds none of their classes. Tools may
 * use anything of the bot.
 */
package ca.gc.fsdh.bot.tools;
