package ca.gc.fsdh.bot.reminders;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Hands Quartz the reminder jobs built by hand (they are stateless: one instance each). */
record ReminderJobs(FanOutJob fanOut, SweepJob sweep) implements JobFactory {
  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    if (type == FanOutJob.class) {
      return fanOut;
    } else if (type == SweepJob.class) {
      return sweep;
    }
    throw new SchedulerException("no job of class " + type.getName() + " in this bot");
  }
}
