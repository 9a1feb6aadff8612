package ca.gc.fsdh.bot;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.reminders.WorkspaceStanding;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The layout's rules, as docs/architecture.md states them, over the production and tools classes
 * (tests may reach anything). A rule broken here names the classes and the import that broke it.
 */
@AnalyzeClasses(packages = "ca.gc.fsdh.bot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String BASE = "ca.gc.fsdh.bot";

  @ArchTest
  static final ArchRule noPackageCycles =
      slices()
          .matching(BASE + ".(**)")
          .should()
          .beFreeOfCycles()
          .as("no two packages import each other, directly or through others");

  @ArchTest
  static final ArchRule noCyclesBetweenTopLevelParts =
      slices()
          .matching(BASE + ".(*)..")
          .should()
          .beFreeOfCycles()
          .as(
              "no cycle between app, platform, slackkit, requests, reminders, campaign, migration and tools");

  @ArchTest
  static final ArchRule theCoreImportsNothingOfTheBot =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".migration..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              BASE + ".app..",
              BASE + ".platform..",
              BASE + ".slackkit..",
              BASE + ".requests..",
              BASE + ".reminders..",
              BASE + ".campaign..",
              BASE + ".tools..",
              "com.slack..")
          .as(
              "the migration core imports nothing of the shell, the platform, Slack, requests, reminders or the tools");

  @ArchTest
  static final ArchRule productionNeverImportsTheTools =
      noClasses()
          .that()
          .resideOutsideOfPackage(BASE + ".tools..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BASE + ".tools..")
          .as("no production class imports the stand-ins, the demo or the benchmarks");

  @ArchTest
  static final ArchRule theSlackKitKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".slackkit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              BASE + ".app..",
              BASE + ".requests..",
              BASE + ".reminders..",
              BASE + ".campaign..",
              BASE + ".migration..",
              BASE + ".tools..")
          .as("the Slack kit imports no feature");

  @ArchTest
  static final ArchRule thePlatformKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".platform..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              BASE + ".app..",
              BASE + ".slackkit..",
              BASE + ".requests..",
              BASE + ".reminders..",
              BASE + ".campaign..",
              BASE + ".migration..",
              BASE + ".tools..")
          .as("the platform imports no feature and not the Slack kit");

  @ArchTest
  static final ArchRule nothingButTheToolsUsesTheShell =
      noClasses()
          .that()
          .resideOutsideOfPackages(BASE + ".app..", BASE + ".tools..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BASE + ".app..")
          .as("only the tools use the application shell");

  @ArchTest
  static final ArchRule remindersImportNoOtherFeature =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".reminders..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(BASE + ".requests..", BASE + ".migration..")
          .as(
              "reminders import neither requests nor the core: requests answer through WorkspaceStanding");

  @ArchTest
  static final ArchRule requestsUseOnlyTheStandingPortOfReminders =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".requests..")
          .should()
          .dependOnClassesThat(
              resideInAPackage(BASE + ".reminders..")
                  .and(not(belongToAnyOf(WorkspaceStanding.class))))
          .as("requests use nothing of reminders but the WorkspaceStanding port they implement");

  @ArchTest
  static final ArchRule theRequestDomainImportsNoSlack =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".requests")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(BASE + ".slackkit..", BASE + ".requests.slack..", "com.slack..")
          .as("the request domain (requests/, not requests/slack/) imports no Slack");

  @ArchTest
  static final ArchRule theCampaignReadsRequestsThroughItsOwnQueries =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".campaign..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(BASE + ".requests..", BASE + ".migration..")
          .as(
              "the campaign imports neither requests nor the core: it reads requests' table through"
                  + " its own read-only queries (RequestHistory)");

  @ArchTest
  static final ArchRule theCampaignDomainImportsNoSlack =
      noClasses()
          .that()
          .resideInAPackage(BASE + ".campaign")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(BASE + ".slackkit..", BASE + ".campaign.slack..", "com.slack..")
          .as("the campaign domain (campaign/, not campaign/slack/) imports no Slack");

  @ArchTest
  static final ArchRule noOtherFeatureImportsTheCampaign =
      noClasses()
          .that()
          .resideInAnyPackage(BASE + ".requests..", BASE + ".reminders..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BASE + ".campaign..")
          .as("requests and reminders know nothing of the campaign, which reads them");

  /** Simple names of top-level types, production and tools together, must each name one class. */
  @ArchTest
  static void noTwoTopLevelTypesShareASimpleName(JavaClasses classes) {
    Map<String, List<String>> byName =
        classes.stream()
            .filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
            .collect(
                Collectors.groupingBy(
                    JavaClass::getSimpleName,
                    TreeMap::new,
                    Collectors.mapping(JavaClass::getName, Collectors.toList())));
    byName.values().removeIf(names -> names.size() == 1);
    assertThat(byName).as("simple names used by more than one type").isEmpty();
  }

  /** Every package says in its package-info.java what it owns and what it may use. */
  @ArchTest
  static void everyPackageSaysWhatItOwns(JavaClasses classes) {
    List<String> missing =
        classes.stream()
            .map(JavaClass::getPackageName)
            .distinct()
            .filter(p ->
                !Files.isRegularFile(
                    Path.of("src/main/java", p.replace('.', '/'), "package-info.java")))
            .sorted()
            .toList();
    assertThat(missing).as("packages without a package-info.java").isEmpty();
  }

  /** The rules above must have something to check: an empty import would pass them all. */
  @ArchTest
  static void theRulesSeeEveryPart(JavaClasses classes) {
    assertThat(
            classes.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(BASE + "."))
                .map(p -> p.substring(BASE.length() + 1).split("\\.")[0])
                .distinct())
        .containsExactlyInAnyOrder(
            "app",
            "platform",
            "slackkit",
            "requests",
            "reminders",
            "campaign",
            "migration",
            "tools");
    assertThat(classes.contain(BASE + ".tools.ToolsMain")).isTrue();
    assertThat(classes.stream().filter(resideInAnyPackage(BASE + ".migration..")::test).count())
        .isGreaterThan(100);
  }
}
