/**
 * Consent and bearer tokens for the Linky data client, from three kinds of source.
 *
 * <ul>
 *   <li>{@link io.github.linkyj.core.auth.ConsentProxyTokenProvider}: a consent proxy that offers
 *       the OAuth 2.0 device authorization grant (RFC 8628), with refresh tokens. Suits a headless
 *       box: the user approves on a phone or laptop.
 *   <li>{@link io.github.linkyj.core.auth.ClientCredentialsTokenProvider}: a direct Enedis Data
 *       Connect application with its own client id and secret.
 *   <li>{@link io.github.linkyj.core.auth.GatewayTokenProvider}: a JWT that a gateway in the style
 *       of conso.boris.sh issued after the user's consent.
 * </ul>
 *
 * <p>Each provider takes its settings as a small value type with no default host, an optional
 * {@link okhttp3.OkHttpClient} and a {@link java.time.Clock}. Tokens that must survive a restart go
 * in a {@link io.github.linkyj.core.auth.TokenStore}, usually a {@link
 * io.github.linkyj.core.auth.FileTokenStore}. No type of this package puts a token, device code or
 * client secret in its {@code toString()}, its log lines or its exception messages.
 */
package io.github.linkyj.core.auth;
