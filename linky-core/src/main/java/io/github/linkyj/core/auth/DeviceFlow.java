package io.github.linkyj.core.auth;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.QuotaExceededException;
import io.github.linkyj.core.Sleeper;
import io.github.linkyj.core.TemporaryFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running device authorization (RFC 8628), started by {@link
 * ConsentProxyTokenProvider#startDeviceAuthorization()}.
 *
 * <p>Show the user {@link #authorization()}, then call {@link #awaitConsent()}, which polls the
 * token endpoint until the user approves, denies or the code expires. It waits the server's {@code
 * interval} before each poll and adds 5 seconds to it from each {@code slow_down} on. A failed poll
 * (timeout, 5xx, 429) is retried with exponential backoff until the code expires. {@link #cancel()}
 * stops the wait from another thread.
 *
 * <p>{@link #toString()} never shows the device code. Thread-safe.
 */
public final class DeviceFlow {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceFlow.class);
  private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final ConsentProxyTokenProvider provider;
  private final DeviceAuthorization authorization;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicReference<Call> inFlight = new AtomicReference<>();
  private final Object waiterLock = new Object();
  private volatile boolean cancelled;
  private Thread waiter; // Guarded by waiterLock.

  DeviceFlow(
      ConsentProxyTokenProvider provider,
      DeviceAuthorization authorization,
      Clock clock,
      Sleeper sleeper) {
    this.provider = provider;
    this.authorization = authorization;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Returns what to show the user: the verification page and the user code. */
  public DeviceAuthorization authorization() {
    return authorization;
  }

  /**
   * Polls until the user approves, then stores the tokens in the provider's token store and returns
   * them. Call it once per flow. When the store fails, the provider keeps the tokens in memory and
   * logs an error, because the server hands them out only once.
   *
   * @throws ConsentRequiredException when the user denied the request or the code expired; start a
   *     new flow to try again
   * @throws CancellationException when {@link #cancel()} was called
   * @throws InterruptedException when another caller interrupted the waiting thread
   * @throws LinkyException when the server rejects the polls for another reason, such as an unknown
   *     client id
   * @throws IllegalStateException when called a second time
   */
  public StoredTokens awaitConsent() throws LinkyException, InterruptedException {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("awaitConsent() was already called; start a new flow");
    }
    synchronized (waiterLock) {
      waiter = Thread.currentThread();
    }
    try {
      return poll();
    } finally {
      synchronized (waiterLock) {
        waiter = null;
      }
      if (cancelled) {
        // Clears the interrupt that cancel() may have sent, so it does not leak to the caller.
        Thread.interrupted();
      }
    }
  }

  /**
   * Stops a running {@link #awaitConsent()}, which then throws {@link CancellationException}. Safe
   * to call from any thread, also before the wait starts or after it ended.
   */
  public void cancel() {
    cancelled = true;
    Call call = inFlight.get();
    if (call != null) {
      call.cancel();
    }
    synchronized (waiterLock) {
      if (waiter != null && waiter != Thread.currentThread()) {
        waiter.interrupt();
      }
    }
  }

  /** Returns whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  private StoredTokens poll() throws LinkyException, InterruptedException {
    Duration interval = authorization.interval();
    Duration wait = interval;
    int failures = 0;
    while (true) {
      checkTimeLeft(wait);
      sleep(wait);
      Instant requestedAt = clock.instant();
      TokenReply reply;
      try {
        reply = send();
      } catch (TemporaryFailureException | QuotaExceededException e) {
        checkNotCancelled();
        failures++;
        wait = backoff(interval, failures, e);
        LOG.warn(
            "Device token poll failed (attempt {}), next poll in {} s: {}",
            failures,
            wait.toSeconds(),
            e.getMessage());
        continue;
      }
      failures = 0;
      if (reply.error().isEmpty()) {
        return provider.completeAuthorization(reply, requestedAt);
      }
      interval = nextInterval(reply, reply.error().get(), interval);
      wait = interval;
    }
  }

  private void checkTimeLeft(Duration wait) throws ConsentRequiredException {
    checkNotCancelled();
    if (!clock.instant().plus(wait).isBefore(authorization.expiresAt())) {
      String message =
          "The device code expired at "
              + authorization.expiresAt()
              + " before the user approved; start a new device authorization";
      throw new ConsentRequiredException(message, null);
    }
  }

  private void sleep(Duration wait) throws InterruptedException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      checkNotCancelled();
      throw e;
    }
    checkNotCancelled();
  }

  private TokenReply send() throws LinkyException {
    Call call = provider.newDeviceTokenCall(authorization);
    inFlight.set(call);
    try {
      if (cancelled) {
        call.cancel();
      }
      return provider.execute(call);
    } finally {
      inFlight.set(null);
    }
  }

  private void checkNotCancelled() {
    if (cancelled) {
      throw new CancellationException("The device authorization was cancelled");
    }
  }

  private Duration backoff(Duration interval, int failures, LinkyException failure) {
    Duration wait = interval.multipliedBy(1L << Math.min(failures, 10));
    if (wait.compareTo(MAX_BACKOFF) > 0) {
      wait = MAX_BACKOFF;
    }
    if (failure instanceof QuotaExceededException quota && quota.retryAt().isPresent()) {
      Duration untilRetry = Duration.between(clock.instant(), quota.retryAt().get());
      return untilRetry.compareTo(wait) > 0 ? untilRetry : wait;
    }
    return wait;
  }

  /** Returns the interval for the next poll, or throws when the error ends the flow. */
  private Duration nextInterval(TokenReply reply, OAuthError error, Duration interval)
      throws LinkyException {
    String code = error.code().toLowerCase(Locale.ROOT);
    switch (code) {
      case "authorization_pending":
        LOG.debug("Device authorization pending; next poll in {} s", interval.toSeconds());
        return interval;
      case "slow_down":
        Duration slower = interval.plus(SLOW_DOWN_STEP);
        LOG.info("The token server asked to slow down; polling every {} s", slower.toSeconds());
        return slower;
      case "access_denied":
        throw consentRequired(reply, "the user denied the request");
      case "expired_token":
        throw consentRequired(reply, "the device code expired before the user approved");
      case "invalid_grant":
        throw consentRequired(reply, "the server no longer has the device code, so it expired");
      default:
        throw new LinkyException(
            reply.describeError() + "; the device authorization stopped",
            reply.endpoint(),
            reply.status(),
            error.code(),
            null,
            null);
    }
  }

  private static ConsentRequiredException consentRequired(TokenReply reply, String reason) {
    String message = reply.describeError() + ": " + reason + "; start a new device authorization";
    String code = reply.error().map(OAuthError::code).orElse(null);
    return new ConsentRequiredException(
        message, reply.endpoint(), reply.status(), code, null, null);
  }

  @Override
  public String toString() {
    return "DeviceFlow{" + authorization + ", cancelled=" + cancelled + "}";
  }
}
