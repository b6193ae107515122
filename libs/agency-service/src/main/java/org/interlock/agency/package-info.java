/**
 * What every agency service shares: the runtime stack it is built on, the configuration defaults
 * in {@code META-INF/microprofile-config.properties}, and (as the services grow) problem details,
 * the transactional outbox and the de-duplicating inbox.
 */
package org.interlock.agency;
