/**
 * Normalisation of a captured person's identity keys (e-mail, LinkedIn profile, phone, name and
 * company), shared by dedup-service and writer-service so that both derive byte-identical keys.
 * Plain Java with no framework: every normaliser is a pure, thread-safe function whose output is a
 * fixed point ({@code normalize(normalize(x)) == normalize(x)}), so values can be stored normalised
 * and normalised again without drift. Start at {@link io.leadgate.identity.IdentityNormalizer}.
 */
package io.leadgate.identity;
