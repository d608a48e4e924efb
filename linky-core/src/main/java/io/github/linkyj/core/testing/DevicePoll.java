package io.github.linkyj.core.testing;

/**
 * The response of the simulated consent proxy to one device-code poll of {@code POST
 * /device/token}, for scripting the device flow with {@link EnedisSimulator#scriptDevicePolls}.
 */
public enum DevicePoll {
  /** 400 {@code authorization_pending}: the user has not approved yet. */
  PENDING,
  /** 400 {@code slow_down}: the client must add 5 seconds to its polling interval. */
  SLOW_DOWN,
  /** 400 {@code access_denied}: the user refused; later polls of that code return the same. */
  DENIED,
  /** 400 {@code expired_token}: the device code expired; later polls return the same. */
  EXPIRED,
  /** 200 with the tokens: the user approved. The device code is then forgotten. */
  APPROVED
}
