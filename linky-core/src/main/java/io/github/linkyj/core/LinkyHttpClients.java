package io.github.linkyj.core;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Creates the OkHttp clients the library sends requests with, so the data client and the token
 * providers share one connection pool and one {@code User-Agent}.
 *
 * <p>Every request sent through such a client carries {@code User-Agent: linky-java/<version>} and
 * {@code Accept: application/json}.
 */
public final class LinkyHttpClients {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String USER_AGENT = "linky-java/" + version();

  private LinkyHttpClients() {}

  /** Returns the {@code User-Agent} value, such as {@code linky-java/0.1.0}. */
  public static String userAgent() {
    return USER_AGENT;
  }

  /** Returns a new client with 30-second timeouts that sets the library's headers. */
  public static OkHttpClient create() {
    return withUserAgent(
        new OkHttpClient.Builder()
            .connectTimeout(TIMEOUT)
            .readTimeout(TIMEOUT)
            .writeTimeout(TIMEOUT)
            .callTimeout(TIMEOUT.multipliedBy(2))
            .build());
  }

  /**
   * Returns a client that shares {@code base}'s pool and settings and also sets the library's
   * headers.
   */
  public static OkHttpClient withUserAgent(OkHttpClient base) {
    requireNonNull(base, "base");
    for (Interceptor interceptor : base.interceptors()) {
      if (interceptor instanceof HeaderInterceptor) {
        return base;
      }
    }
    return base.newBuilder().addInterceptor(new HeaderInterceptor()).build();
  }

  private static String version() {
    String fromManifest = LinkyHttpClients.class.getPackage().getImplementationVersion();
    if (fromManifest != null) {
      return fromManifest;
    }
    try (InputStream in = LinkyHttpClients.class.getResourceAsStream("linky-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("linky-version.properties is missing from linky-core");
      }
      Properties properties = new Properties();
      properties.load(in);
      return requireNonNull(properties.getProperty("version"), "version property");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read linky-version.properties", e);
    }
  }

  /** Sets the library's {@code User-Agent} and {@code Accept} headers. */
  private static final class HeaderInterceptor implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Request.Builder request = chain.request().newBuilder().header("User-Agent", USER_AGENT);
      if (chain.request().header("Accept") == null) {
        request.header("Accept", "application/json");
      }
      return chain.proceed(request.build());
    }
  }
}
