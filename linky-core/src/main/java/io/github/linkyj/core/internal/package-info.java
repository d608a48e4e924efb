/**
 * Implementation details of linky-core: JSON reading and response parsing. Not part of the API; it
 * may change in any release.
 */
package io.github.linkyj.core.internal;
