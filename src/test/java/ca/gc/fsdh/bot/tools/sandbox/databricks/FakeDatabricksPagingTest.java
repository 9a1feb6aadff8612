package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.mixin.JobsExt;
import com.databricks.sdk.service.jobs.BaseJob;
import com.databricks.sdk.service.jobs.GetJobRequest;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import com.databricks.sdk.service.workspace.ListReposRequest;
import com.databricks.sdk.service.workspace.RepoInfo;
import com.databricks.sdk.service.workspace.UpdateRepoRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every page of repos, jobs and job tasks reaches a client that follows the tokens. */
class FakeDatabricksPagingTest extends SmallSampleTest {
  @Test
  void reposBeyondTheFirstPageOfTwentyAreListed() {
    List<RepoInfo> repos = all(client.repos().list(new ListReposRequest()));
    assertThat(repos).hasSize(25).extracting(RepoInfo::getId).doesNotHaveDuplicates();
    assertThat(server.requestLog().received(EndpointGroup.REPOS_READ)).isGreaterThanOrEqualTo(2);
    RepoInfo first = repos.get(0);
    assertThat(client.repos().get(first.getId()).getUrl()).isEqualTo(first.getUrl());
  }

  @Test
  void updatingARepoBranchMovesItsHeadCommit() {
    RepoInfo repo = all(client.repos().list(new ListReposRequest())).get(3);
    client.repos().update(new UpdateRepoRequest().setRepoId(repo.getId()).setBranch("feature/x"));
    var after = client.repos().get(repo.getId());
    assertThat(after.getBranch()).isEqualTo("feature/x");
    assertThat(after.getHeadCommitId()).isNotEqualTo(repo.getHeadCommitId()).hasSize(40);
  }

  @Test
  void jobsBeyondOnePageAndTasksBeyondOneHundredAreAllReturnedByJobsExt() {
    var jobs = new JobsExt(client.apiClient());
    List<BaseJob> listed = all(jobs.list(new ListJobsRequest().setExpandTasks(true)));
    assertThat(listed).hasSize(30);
    BaseJob big =
        listed.stream()
            .filter(j -> j.getSettings().getTasks().size() > 100)
            .findFirst()
            .orElseThrow();
    assertThat(big.getSettings().getTasks()).hasSize(120);
    var full = jobs.get(new GetJobRequest().setJobId(big.getJobId()));
    assertThat(full.getSettings().getTasks()).hasSize(120);
    assertThat(full.getSettings().getTasks().stream().map(t -> t.getTaskKey()).distinct())
        .hasSize(120);
  }

  @Test
  void plainJobsApiGetStopsAtOneHundredTasksWithANextPageToken() {
    long id = server.state().jobs().all().get(0).jobId();
    var firstPage = client.jobs().get(id);
    assertThat(firstPage.getSettings().getTasks()).hasSize(100);
    assertThat(firstPage.getNextPageToken()).isNotBlank();
  }
}
