package ca.gc.fsdh.bot.migration.tableacls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrantTest {
  @Test
  void grantsOnATable() {
    assertThat(new Grant("analysts", "SELECT", "TABLE", "sales.orders").statement())
        .isEqualTo("GRANT SELECT ON TABLE `sales`.`orders` TO `analysts`;");
  }

  @Test
  void deniedActionsBecomeDeny() {
    assertThat(new Grant("guest@x.ca", "DENIED_MODIFY", "DATABASE", "sales").statement())
        .isEqualTo("DENY MODIFY ON DATABASE `sales` TO `guest@x.ca`;");
  }

  @Test
  void ownershipBecomesAlterOwner() {
    assertThat(new Grant("lead@x.ca", "OWN", "VIEW", "sales.v").statement())
        .isEqualTo("ALTER VIEW `sales`.`v` OWNER TO `lead@x.ca`;");
    assertThat(new Grant("lead@x.ca", "OWN", "DATABASE", "sales").statement())
        .isEqualTo("ALTER DATABASE `sales` OWNER TO `lead@x.ca`;");
  }

  @Test
  void catalogWideSecurablesHaveNoName() {
    assertThat(new Grant("users", "SELECT", "ANY_FILE", "").statement()).isEqualTo("GRANT SELECT ON ANY FILE TO `users`;");
    assertThat(new Grant("users", "SELECT", "ANONYMOUS FUNCTION", "").statement())
        .isEqualTo("GRANT SELECT ON ANONYMOUS FUNCTION TO `users`;");
    assertThat(new Grant("admins", "USAGE", "CATALOG", "").statement()).isEqualTo("GRANT USAGE ON CATALOG TO `admins`;");
  }

  @Test
  void backticksInNamesAreEscaped() {
    assertThat(new Grant("a`b", "READ_METADATA", "TABLE", "d.t").statement())
        .isEqualTo("GRANT READ METADATA ON TABLE `d`.`t` TO `a``b`;");
  }
}
