package ca.gc.fsdh.bot.platform.database;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Hands Quartz the job instances the features built by hand (Quartz's default factory needs no-arg
 * classes). Jobs are stateless: one instance per class serves every firing. Every feature registers
 * its jobs before the scheduler starts.
 */
public final class HandBuiltJobs implements JobFactory {
  private final Map<Class<? extends Job>, Job> jobs = new ConcurrentHashMap<>();

  public <T extends Job> HandBuiltJobs register(Class<T> type, T job) {
    if (jobs.putIfAbsent(type, job) != null) {
      throw new IllegalStateException(type.getName() + " registered twice");
    }
    return this;
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Job job = jobs.get(bundle.getJobDetail().getJobClass());
    if (job == null) {
      throw new SchedulerException(
          "no job of class " + bundle.getJobDetail().getJobClass().getName() + " in this bot");
    }
    return job;
  }
}
