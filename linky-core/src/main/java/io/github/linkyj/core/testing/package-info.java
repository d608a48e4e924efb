/**
 * A local simulator of the consent proxy, Enedis Data Connect and a conso.boris.sh-style gateway,
 * for tests and demonstrations; start with {@link io.github.linkyj.core.testing.EnedisSimulator}.
 *
 * <p>This package needs {@code com.squareup.okhttp3:mockwebserver}, an optional dependency of
 * linky-core: a module that uses the simulator declares it itself.
 */
package io.github.linkyj.core.testing;
