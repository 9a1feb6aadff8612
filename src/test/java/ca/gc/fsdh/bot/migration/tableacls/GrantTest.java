package ca.gc.fsdh.bot.migration.tableacls;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class GrantTest {
  @Test
  void grantsOnATable() {
    assertThat(new Grant("analysts", "SELECT", "TABLE", "sales.orders").statement())
        .isEqualTo("GRANT SELECT ON TABLE `hive_metastore`.`sales`.`orders` TO `analysts`;");
  }

  @Test
  void deniedActionsBecomeDeny() {
    assertThat(new Grant("guest@x.ca", "DENIED_MODIFY", "DATABASE", "sales").statement())
        .isEqualTo("DENY MODIFY ON DATABASE `hive_metastore`.`sales` TO `guest@x.ca`;");
  }

  @Test
  void ownershipBecomesAlterOwner() {
    assertThat(new Grant("lead@x.ca", "OWN", "VIEW", "sales.v").statement())
        .isEqualTo("ALTER VIEW `hive_metastore`.`sales`.`v` OWNER TO `lead@x.ca`;");
    assertThat(new Grant("lead@x.ca", "OWN", "DATABASE", "sales").statement())
        .isEqualTo("ALTER DATABASE `hive_metastore`.`sales` OWNER TO `lead@x.ca`;");
  }

  @Test
  void catalogWideSecurablesHaveNoName() {
    assertThat(new Grant("users", "SELECT", "ANY_FILE", "").statement())
        .isEqualTo("GRANT SELECT ON ANY FILE TO `users`;");
    assertThat(new Grant("users", "SELECT", "ANONYMOUS FUNCTION", "").statement())
        .isEqualTo("GRANT SELECT ON ANONYMOUS FUNCTION TO `users`;");
    assertThat(new Grant("admins", "USAGE", "CATALOG", "").statement())
        .isEqualTo("GRANT USAGE ON CATALOG `hive_metastore` TO `admins`;");
  }

  @Test
  void backticksInNamesAreEscaped() {
    assertThat(new Grant("a`b", "READ_METADATA", "TABLE", "d.t").statement())
        .isEqualTo("GRANT READ_METADATA ON TABLE `hive_metastore`.`d`.`t` TO `a``b`;");
  }

  @Test
  void theCatalogAsShowGrantsPrintsItIsTheCatalog() {
    assertThat(new Grant("users", "USAGE", "CATALOG$", "").statement())
        .isEqualTo("GRANT USAGE ON CATALOG `hive_metastore` TO `users`;");
  }

  @Test
  void privilegesKeepTheirUnderscoresAndDeniesOnEverySecurable() {
    assertThat(new Grant("g", "DENIED_READ_METADATA", "TABLE", "d.t").statement())
        .isEqualTo("DENY READ_METADATA ON TABLE `hive_metastore`.`d`.`t` TO `g`;");
    assertThat(new Grant("g", "DENIED_SELECT", "ANY_FILE", "").statement())
        .isEqualTo("DENY SELECT ON ANY FILE TO `g`;");
    assertThat(new Grant("g", "ALL PRIVILEGES", "VIEW", "d.v").statement())
        .isEqualTo("GRANT ALL PRIVILEGES ON VIEW `hive_metastore`.`d`.`v` TO `g`;");
    assertThat(new Grant("g", "OWN", "TABLE", "d.t").statement())
        .isEqualTo("ALTER TABLE `hive_metastore`.`d`.`t` OWNER TO `g`;");
  }

  @Test
  void aRowThatCannotBeReplayedIsRefusedNotWrittenHalfEmpty() {
    Assertions.assertThatThrownBy(() -> new Grant("g", "SELECT", "TABLE", "").statement())
        .hasMessageContaining("without an object name");
    Assertions.assertThatThrownBy(() -> new Grant("g", "SELECT; DROP", "TABLE", "d.t").statement())
        .hasMessageContaining("privilege");
    assertThat(new Grant("admins", "OWN", "CATALOG$", "").statement())
        .startsWith("-- owner of CATALOG");
  }

  @Test
  void keysPrintedBackQuotedOrPlainGiveTheSameStatement() {
    assertThat(new Grant("g", "SELECT", "TABLE", "`sales`.`orders`").statement())
        .isEqualTo("GRANT SELECT ON TABLE `hive_metastore`.`sales`.`orders` TO `g`;");
    assertThat(new Grant("g", "USAGE", "DATABASE", "`sales`").statement())
        .isEqualTo("GRANT USAGE ON DATABASE `hive_metastore`.`sales` TO `g`;");
    assertThat(Grant.parts("`a``b`.`c.d`")).containsExactly("a`b", "c.d");
    assertThat(Grant.parts("sales.orders")).containsExactly("sales", "orders");
    assertThat(new Grant("g", "SELECT", "TABLE", "sales.orders").withQuotedKey().objectKey())
        .isEqualTo("`sales`.`orders`");
    assertThat(new Grant("g", "SELECT", "TABLE", "`sales`.`orders`").withQuotedKey().objectKey())
        .isEqualTo("`sales`.`orders`");
  }

  @Test
  void aMalformedKeyIsRefused() {
    Assertions.assertThatThrownBy(() -> Grant.parts("`sales`.`orders"))
        .hasMessageContaining("unclosed");
    Assertions.assertThatThrownBy(() -> Grant.parts("sales.")).hasMessageContaining("empty part");
    Assertions.assertThatThrownBy(() -> Grant.parts("`a`b")).hasMessageContaining("malformed");
  }
}
