package io.github.linkyj.core;

/**
 * The way a {@link LinkyClient} reaches Enedis data. Each source has its own URL layout below the
 * base URL the user configures.
 */
public enum DataSource {
  /**
   * A consent proxy with a device flow, which forwards {@code GET <base>/data/proxy/<v5 path>
   * ?usage_point_id=&start=&end=} to Enedis unchanged.
   */
  CONSENT_PROXY(true),

  /**
   * Enedis Data Connect itself, for holders of their own Enedis application: {@code GET <base>/<v5
   * path>?usage_point_id=&start=&end=}.
   */
  ENEDIS_DIRECT(true),

  /**
   * A conso.boris.sh-style gateway: {@code GET <base>/api/<kind>?prm=&start=&end=}. It serves the
   * five metering kinds but no contract.
   */
  GATEWAY(false);

  private final boolean offersContract;

  DataSource(boolean offersContract) {
    this.offersContract = offersContract;
  }

  /** Returns whether the source serves the customers contract endpoint. */
  public boolean offersContract() {
    return offersContract;
  }
}
