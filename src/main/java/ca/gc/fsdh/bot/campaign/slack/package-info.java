/**
 * The campaign's Slack side: {@code /fsdh progress} and {@code /fsdh export} (support only), the
 * chart's upload with {@code files.uploadV2}, the support section of App Home with the chart as an
 * image block, and the weekly digest's post. May use {@code campaign}, {@code reminders}, the Slack
 * kit and {@code platform}.
 */
package ca.gc.fsdh.bot.campaign.slack;
