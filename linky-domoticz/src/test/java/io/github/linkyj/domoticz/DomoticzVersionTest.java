package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomoticzVersionTest {
  @Test
  void parsesReleaseWithBuild() {
    DomoticzVersion version = DomoticzVersion.parse("2025.1 (build 16785)");

    assertThat(version.major()).isEqualTo(2025);
    assertThat(version.minor()).isEqualTo(1);
    assertThat(version.build()).isEqualTo(16785);
    assertThat(version).hasToString("2025.1 (build 16785)");
  }

  @Test
  void parsesReleaseWithoutBuild() {
    assertThat(DomoticzVersion.parse("2023.1")).isEqualTo(DomoticzVersion.of(2023, 1));
    assertThat(DomoticzVersion.parse("2023.1")).hasToString("2023.1");
  }

  @Test
  void ordersByYearThenRelease() {
    assertThat(DomoticzVersion.parse("4.10717")).isLessThan(DomoticzVersion.of(2020, 1));
    assertThat(DomoticzVersion.of(2023, 2)).isLessThan(DomoticzVersion.of(2024, 1));
    assertThat(DomoticzVersion.parse("2024.7 (build 1)"))
        .isLessThan(DomoticzVersion.parse("2024.7 (build 2)"));
  }

  @Test
  void picksRequestStyleByVersion() {
    assertThat(DomoticzVersion.of(2023, 1).usesCommandStyle()).isFalse();
    assertThat(DomoticzVersion.of(2023, 2).usesCommandStyle()).isTrue();
    assertThat(DomoticzVersion.of(2025, 1).usesCommandStyle()).isTrue();
  }

  @Test
  void rejectsTextWithoutNumbers() {
    assertThatThrownBy(() -> DomoticzVersion.parse("beta"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid Domoticz version 'beta': expected a text such as '2025.1 (build 16785)'");
  }
}
