package io.github.linkyj.core;

import io.github.linkyj.core.auth.AccessToken;
import io.github.linkyj.core.auth.AccessTokenProvider;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one GET with the bearer token, the rate limit and the retry policy, and returns the body of
 * a 2xx response.
 *
 * <p>A 401, or the consent proxy's 403 "Access token not found", invalidates the token once and
 * repeats the request with a new one. Every retry is logged at WARN and every failure once, with
 * the endpoint, period and usage point. The failures of a dated request that the backward walk
 * handles ({@link NoDataException}, {@link BeforeActivationException}, {@link
 * HistoryLimitException}, {@link RangeTooLongException}) are left to the walk to log.
 */
final class RequestExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);

  private final OkHttpClient http;
  private final AccessTokenProvider tokens;
  private final Clock clock;
  private final RateLimiter limiter;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  RequestExecutor(
      OkHttpClient http,
      AccessTokenProvider tokens,
      Clock clock,
      RateLimiter limiter,
      RetryPolicy retry,
      Sleeper sleeper,
      RandomGenerator random) {
    this.http = http;
    this.tokens = tokens;
    this.clock = clock;
    this.limiter = limiter;
    this.retry = retry;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Returns the body of a successful GET of {@code url}. */
  String get(HttpUrl url, String usagePointId) throws LinkyException {
    String endpoint = url.encodedPath();
    String period = period(url);
    boolean tokenRenewed = false;
    int attempt = 1;
    while (true) {
      try {
        limiter.acquire(endpoint, period, usagePointId);
      } catch (LinkyException e) {
        LOG.warn("GET {} for usage point {} not sent: {}", endpoint, usagePointId, e.getMessage());
        throw e;
      }
      AccessToken token = tokens.accessToken();
      Outcome outcome = send(url, token, endpoint, period, usagePointId);
      if (outcome.body != null) {
        return outcome.body;
      }
      if (outcome.tokenRejected && !tokenRenewed) {
        LOG.info("GET {} for usage point {}: token rejected, renewing it", endpoint, usagePointId);
        tokens.invalidate(token);
        tokenRenewed = true;
        continue;
      }
      Duration wait = retryWait(outcome, attempt);
      if (wait == null) {
        logFailure(outcome.failure, endpoint, period, usagePointId, attempt);
        throw outcome.failure;
      }
      LOG.warn(
          "Retrying GET {} for usage point {} in {} ms (attempt {} of {}): {}",
          endpoint,
          usagePointId,
          wait.toMillis(),
          attempt + 1,
          retry.maxAttempts(),
          outcome.failure.getMessage());
      sleep(wait, endpoint, period, usagePointId);
      attempt++;
    }
  }

  /** Returns the requested days as {@code [start, end)}, or null when the URL has none. */
  static String period(HttpUrl url) {
    String start = url.queryParameter("start");
    String end = url.queryParameter("end");
    return start == null || end == null ? null : "[" + start + ", " + end + ")";
  }

  private Outcome send(
      HttpUrl url, AccessToken token, String endpoint, String period, String usagePointId) {
    Request request =
        new Request.Builder().url(url).header("Authorization", "Bearer " + token.value()).build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody responseBody = response.body();
      String body = responseBody == null ? "" : responseBody.string();
      if (response.isSuccessful()) {
        return new Outcome(body, null, false, null);
      }
      LinkyException failure =
          ErrorMapper.map(
              response.code(),
              body,
              response.header("Retry-After"),
              endpoint,
              period,
              usagePointId,
              clock.instant());
      Instant retryAfter = ErrorMapper.retryAfter(response.header("Retry-After"), clock.instant());
      return new Outcome(null, failure, isTokenRejected(response.code(), body), retryAfter);
    } catch (IOException e) {
      LinkyException failure =
          new TemporaryFailureException(
              "Request failed for usage point "
                  + usagePointId
                  + ": GET "
                  + endpoint
                  + (period == null ? "" : " for " + period)
                  + " got no response ("
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage())
                  + "); retry later",
              endpoint,
              0,
              null,
              usagePointId,
              e);
      return new Outcome(null, failure, false, null);
    }
  }

  /**
   * Returns whether the response means the token itself was refused: HTTP 401, or HTTP 403 with the
   * consent proxy's "Access token not found", which it sends for an expired token.
   */
  private static boolean isTokenRejected(int status, String body) {
    if (status == 401) {
      return true;
    }
    ErrorMapper.ErrorBody error = ErrorMapper.readBody(body);
    return status == 403
        && error.description() != null
        && error.description().equalsIgnoreCase("Access token not found");
  }

  /** Returns how long to wait before the next attempt, or null when the failure is final. */
  private Duration retryWait(Outcome outcome, int attempt) {
    LinkyException failure = outcome.failure;
    if (attempt >= retry.maxAttempts()) {
      return null;
    }
    boolean serverTemporary =
        failure instanceof TemporaryFailureException && failure.httpStatus() != 400;
    if (failure instanceof QuotaExceededException quota) {
      if (quota.httpStatus() == 0) {
        return null;
      }
      if (quota.retryAt().isPresent()) {
        return serverWait(quota.retryAt().get(), attempt);
      }
      return jittered(retry.backoff(attempt));
    }
    if (!serverTemporary) {
      return null;
    }
    return outcome.retryAfter != null
        ? serverWait(outcome.retryAfter, attempt)
        : jittered(retry.backoff(attempt));
  }

  /**
   * Returns the wait until the server's time, or null when it is too long. A time already past,
   * from a skewed clock or {@code Retry-After: 0}, takes the backoff, so retries never come at
   * once.
   */
  private Duration serverWait(Instant retryAt, int attempt) {
    Duration wait = Duration.between(clock.instant(), retryAt);
    if (wait.isNegative() || wait.isZero()) {
      return jittered(retry.backoff(attempt));
    }
    return wait.compareTo(retry.maxServerWait()) <= 0 ? wait : null;
  }

  /** Keeps half of {@code backoff} and a random part of the other half. */
  private Duration jittered(Duration backoff) {
    long half = backoff.toMillis() / 2;
    long extra = half == 0 ? 0 : random.nextLong(half + 1);
    return Duration.ofMillis(half + extra);
  }

  private void sleep(Duration wait, String endpoint, String period, String usagePointId)
      throws LinkyException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkyException(
          "Interrupted while waiting to retry GET "
              + endpoint
              + (period == null ? "" : " for " + period)
              + " for usage point "
              + usagePointId,
          endpoint,
          0,
          null,
          usagePointId,
          e);
    }
  }

  /**
   * Logs a final failure once. The failures a backward walk handles are left to the walk, which
   * logs them as the end of the history or a shorter chunk. An undated request has no walk.
   */
  private static void logFailure(
      LinkyException failure, String endpoint, String period, String usagePointId, int attempts) {
    boolean edge =
        period != null
            && (failure instanceof NoDataException
                || failure instanceof BeforeActivationException
                || failure instanceof HistoryLimitException
                || failure instanceof RangeTooLongException);
    if (!edge) {
      LOG.warn(
          "GET {} for usage point {} failed after {} attempt(s): {}",
          endpoint,
          usagePointId,
          attempts,
          failure.getMessage());
    }
  }

  /** The result of one attempt: a body, or a failure and the server's Retry-After, if any. */
  private record Outcome(
      String body, LinkyException failure, boolean tokenRejected, Instant retryAfter) {}
}
