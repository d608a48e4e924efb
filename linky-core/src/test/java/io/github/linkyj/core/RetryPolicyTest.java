package io.github.linkyj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void retryPolicyRejectsNoAttempts() {
    assertThatThrownBy(
            () ->
                RetryPolicy.of(
                    0, java.time.Duration.ZERO, java.time.Duration.ZERO, java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1, got 0");
  }

  @Test
  void retryBackoffDoublesToMaximum() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(policy.backoff(1)).isEqualTo(java.time.Duration.ofSeconds(2));
    assertThat(policy.backoff(3)).isEqualTo(java.time.Duration.ofSeconds(8));
    assertThat(policy.backoff(10)).isEqualTo(java.time.Duration.ofMinutes(1));
  }
}
